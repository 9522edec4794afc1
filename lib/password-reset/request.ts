import "server-only";
import { and, count, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { passwordResetRequests, passwordResets, users } from "@/db/schema";
import { oneTimeToken } from "@/lib/auth/one-time-token";
import { findHomeAccount } from "@/lib/auth/sign-in";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { DomainError, fieldErrorsOf } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { publicUrl, renderEmail } from "@/lib/mail/render";
import { forgotPasswordSchema } from "./schema";
import { HOUR_MS } from "@/lib/time";

export const RESET_VALID_MS = HOUR_MS;
export const RESET_TOKEN_PREFIX = "pcpwr_";
const WINDOW_MS = HOUR_MS;
const MAX_PER_EMAIL = 5;
const MAX_PER_ADDRESS = 20;
/**
 * Every answer takes at least this long, so that the time to answer does not tell whether the email has an account
 * (one with an account also writes a link and an email). Well above what either path takes.
 */
export const MIN_ANSWER_MS = 600;

/**
 * **Forgot password?**: for an email with an account, a one-time link (kept as a hash, valid one hour) sent by email.
 * The same answer, in the same time, whether or not the email has an account. Rate limited per email and per client
 * address, counted in the database so that the limit holds across instances.
 */
export async function requestPasswordReset(input: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<void> {
  const started = Date.now();
  try {
    await requestReset(input, meta);
  } finally {
    const left = MIN_ANSWER_MS - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

async function requestReset(input: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Enter a valid email address.", fieldErrorsOf(parsed.error));
  const email = parsed.data.email;
  const ip = meta.ip ?? "";
  const at = now();
  const db = getDatabase();
  const since = new Date(at.getTime() - WINDOW_MS);
  const [byEmail] = await db
    .select({ n: count() })
    .from(passwordResetRequests)
    .where(and(sql`lower(${passwordResetRequests.email}) = ${email}`, gt(passwordResetRequests.createdAt, since)));
  const [byAddress] = ip
    ? await db
        .select({ n: count() })
        .from(passwordResetRequests)
        .where(and(eq(passwordResetRequests.ip, ip), gt(passwordResetRequests.createdAt, since)))
    : [{ n: 0 }];
  if ((byEmail?.n ?? 0) >= MAX_PER_EMAIL || (byAddress?.n ?? 0) >= MAX_PER_ADDRESS) {
    throw new DomainError("RATE_LIMITED", "Too many requests to reset a password. Wait an hour and try again.", {}, WINDOW_MS / 1000);
  }
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNotNull(users.passwordHash)));
  // Read before the transaction: on the embedded database a query outside it would wait for it.
  const home = user ? await findHomeAccount(user.id) : null;
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetRequests).values({ email, ip, createdAt: at });
    if (!user) return;
    // One working link at a time: asking again replaces the previous one.
    await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const { token, hash } = oneTimeToken(RESET_TOKEN_PREFIX);
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hash, expiresAt: new Date(at.getTime() + RESET_VALID_MS), createdAt: at });
    const message = renderEmail({
      subject: "Set a new password for the partner console",
      paragraphs: [
        `Hello ${user.name},`,
        "Someone (we hope you) asked to set a new password for your partner console account.",
        "Open the link below to choose one. Setting it signs you out everywhere else.",
      ],
      action: { label: "Set a new password", url: publicUrl(`/reset-password/${token}`) },
      footer: "The link works once and expires in one hour. If you did not ask for it, ignore this email: your password stays as it is.",
    });
    await enqueueEmail(tx, { partnerId: null, kind: "password_reset", to: user.email, at, ...message });
    if (home) {
      await tx.execute(sql`select set_config('app.partner_id', ${String(home.partnerId)}, true)`);
      await recordAudit(tx, personContext(user, home.partnerId, at, meta), { action: "password.reset_requested", targetType: "user", targetId: user.id });
    }
  });
}

/** The person as the actor of its own audit events, before it is signed in. */
export function personContext(
  user: { id: number; name: string; email: string },
  partnerId: number,
  at: Date,
  meta: { ip: string | null; userAgent: string | null },
): RequestContext {
  return {
    partnerId,
    partnerName: "",
    actor: { kind: "user", userId: user.id, name: user.name, email: user.email, avatarUrl: "", partnerRole: null, sessionIdHash: "" },
    account: { kind: "partner" },
    now: at,
    ...meta,
  };
}
