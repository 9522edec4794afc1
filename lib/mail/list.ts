import "server-only";
import { desc, eq } from "drizzle-orm";
import { emailOutbox } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { authorize } from "@/lib/authorization/authorize";

export interface OutboxEntry {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: "queued" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The partner's newest emails and how their delivery went (never their bodies, which carry one-time links). */
export async function listOutbox(ctx: RequestContext, limit = 100): Promise<OutboxEntry[]> {
  await authorize(ctx, "email.read");
  const rows = await inPartnerScope(ctx, (tx) =>
    tx
      .select({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        nextAttemptAt: emailOutbox.nextAttemptAt,
        lastError: emailOutbox.lastError,
        sentAt: emailOutbox.sentAt,
        createdAt: emailOutbox.createdAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.partnerId, ctx.partnerId))
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(limit),
  );
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return rows.map((row) => ({
    ...row,
    nextAttemptAt: row.status === "queued" ? iso(row.nextAttemptAt) : null,
    sentAt: iso(row.sentAt),
    createdAt: row.createdAt.toISOString(),
  }));
}
