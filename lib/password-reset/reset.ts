import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { passwordResets, sessions, users } from "@/db/schema";
import { hashOneTimeToken, tokenShape } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { findHomeAccount } from "@/lib/auth/sign-in";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { getDatabase, type Queryable } from "@/lib/db";
import { DomainError, fieldErrorsOf } from "@/lib/errors";
import { personContext, RESET_TOKEN_PREFIX } from "./request";
import { resetPasswordSchema } from "./schema";

const SHAPE = tokenShape(RESET_TOKEN_PREFIX);

/** Why a reset link cannot be used, in words the person can act on; null when it can. */
function unusable(reset: { usedAt: Date | null; expiresAt: Date } | undefined, at: Date): string | null {
  if (!reset) return "This link to set a new password is not valid. Check that you copied all of it, or ask for a new one.";
  if (reset.usedAt) return "This link was already used, or a newer one was sent. Ask for a new one if you still need it.";
  if (reset.expiresAt.getTime() <= at.getTime()) return "This link has expired (links work for one hour). Ask for a new one.";
  return null;
}

async function resetByToken(q: Queryable, token: string, lock: boolean) {
  if (!SHAPE.test(token)) return undefined;
  const query = q
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      usedAt: passwordResets.usedAt,
      expiresAt: passwordResets.expiresAt,
      email: users.email,
      name: users.name,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashOneTimeToken(token)));
  const [reset] = await (lock ? query.for("update", { of: passwordResets }) : query);
  return reset;
}

/** What the reset page shows: the email the link is for, or why it cannot be used. Public: the link is the key. */
export async function findPasswordReset(token: string): Promise<{ email: string } | { problem: string }> {
  const reset = await resetByToken(getDatabase(), token, false);
  const problem = unusable(reset, now());
  return problem || !reset ? { problem: problem! } : { email: reset.email };
}

/**
 * Sets a new password with a reset link: in one transaction the link is used (locked, so a second use finds it
 * used), the password replaced, and every session of the person ended, so that whoever else was signed in is out.
 */
export async function resetPassword(input: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<{ email: string }> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Some fields need your attention.", fieldErrorsOf(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  const at = now();
  const db = getDatabase();
  const preview = await resetByToken(db, parsed.data.token, false);
  // Read before the transaction: on the embedded database a query outside it would wait for it.
  const home = preview ? await findHomeAccount(preview.userId) : null;
  return db.transaction(async (tx) => {
    const reset = await resetByToken(tx, parsed.data.token, true);
    const problem = unusable(reset, at);
    if (problem || !reset) throw new DomainError("NOT_FOUND", problem!);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: at, activeCustomerId: null, switchExpiresAt: null, switchReason: null })
      .where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt)))
      .returning({ idHash: sessions.idHash });
    if (home) {
      await tx.execute(sql`select set_config('app.partner_id', ${String(home.partnerId)}, true)`);
      await recordAudit(tx, personContext({ id: reset.userId, name: reset.name, email: reset.email }, home.partnerId, at, meta), {
        action: "password.reset",
        targetType: "user",
        targetId: reset.userId,
        changes: { sessionsEnded: ended.length },
      });
    }
    return { email: reset.email };
  });
}
