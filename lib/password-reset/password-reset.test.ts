/**
 * "Forgot password?" (issue 15): the same answer in the same time for any email, a one-time link valid one hour
 * sent through the outbox, every session ended by the new password, and limits per email and per address.
 */
import { and, eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, partnerMembers, passwordResetRequests, passwordResets } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionContext } from "@/lib/auth/session-store";
import { hashSessionSecret, signInWithPassword } from "@/lib/auth/sign-in";
import { inPartnerScope } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { deliverDueEmail } from "@/lib/mail/deliver";
import { oneOffTransport } from "@/lib/mail/transport";
import { createPartner, createUser } from "@/tests/support/factories";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { requestPasswordReset, MIN_ANSWER_MS } from "./request";
import { findPasswordReset, resetPassword } from "./reset";

let catcher: MailCatcher;
let transport: Transporter;
beforeAll(async () => {
  catcher = await startMailCatcher();
  transport = oneOffTransport(catcher.smtpUrl);
});
afterAll(async () => {
  transport.close();
  await catcher.close();
});

const OLD = "the old password 1";
const NEW = "a brand new password 2";

async function person() {
  const db = getDatabase();
  const { partner } = await createPartner(db);
  const email = `forgetful-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await createUser(db, { email, name: "Forgetful Person", passwordHash: await hashPassword(OLD) });
  await db.insert(partnerMembers).values({ partnerId: partner.id, userId: user.id, role: "member" });
  return { partner, user, email };
}

async function linkSentTo(email: string): Promise<string> {
  // Until a run claims nothing: other test files leave queued mail behind, some of it sealed under another secret.
  for (;;) {
    const run = await deliverDueEmail({ at: new Date(), transport });
    if (run.sent + run.retried + run.failed === 0) break;
  }
  const message = catcher.messages.find((m) => m.to.includes(email));
  expect(message?.subject).toBe("Set a new password for the partner console");
  expect(message?.html).toContain("Set a new password");
  return /\/reset-password\/(pcpwr_[\w-]{43})/.exec(message!.text)![1]!;
}

const timed = async (work: () => Promise<unknown>) => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

describe("forgot password", () => {
  it("answers an unknown email exactly as a known one, and as slowly", async () => {
    const { email } = await person();
    const known = await timed(() => requestPasswordReset({ email }, { ip: "198.51.100.1", userAgent: "vitest" }));
    const unknown = await timed(() => requestPasswordReset({ email: `nobody-${Date.now()}@example.test` }, { ip: "198.51.100.1", userAgent: "vitest" }));
    expect(known).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 5);
    expect(unknown).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 5);
    expect(Math.abs(known - unknown)).toBeLessThan(200);
    // The reset email has no partner: no partner-scoped transaction sees it.
    const [row] = await getDatabase().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(row).toMatchObject({ partnerId: null, kind: "password_reset" });
  });

  it("sets a new password with the link once: the old password stops working and every session ends", async () => {
    const { partner, user, email } = await person();
    const first = await signInWithPassword({ email, password: OLD }, { ip: null, userAgent: "browser one" });
    const second = await signInWithPassword({ email, password: OLD }, { ip: null, userAgent: "browser two" });
    await requestPasswordReset({ email: email.toUpperCase() }, { ip: "198.51.100.2", userAgent: "vitest" });
    const token = await linkSentTo(email);
    expect(await inPartnerScope({ partnerId: partner.id }, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)))).toEqual([]);
    expect(await findPasswordReset(token)).toEqual({ email });

    await resetPassword({ token, password: NEW }, { ip: null, userAgent: "vitest" });
    await expect(signInWithPassword({ email, password: OLD }, { ip: null, userAgent: "vitest" })).rejects.toThrow("Wrong email or password");
    await expect(signInWithPassword({ email, password: NEW }, { ip: null, userAgent: "vitest" })).resolves.toMatchObject({ userId: user.id });
    for (const session of [first, second]) expect(await loadSessionContext(hashSessionSecret(session.sessionSecret), { ip: null, userAgent: null })).toBeNull();

    await expect(resetPassword({ token, password: "yet another password 3" }, { ip: null, userAgent: "vitest" })).rejects.toThrow("already used");
    await expect(signInWithPassword({ email, password: NEW }, { ip: null, userAgent: "vitest" })).resolves.toBeTruthy();
  });

  it("refuses an expired link, a malformed one, and a short password, changing nothing", async () => {
    const { user, email } = await person();
    await requestPasswordReset({ email }, { ip: "198.51.100.3", userAgent: "vitest" });
    const token = await linkSentTo(email);
    await expect(resetPassword({ token, password: "short" }, { ip: null, userAgent: "vitest" })).rejects.toMatchObject({ code: "VALIDATION" });
    await getDatabase()
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(passwordResets.userId, user.id)));
    await expect(resetPassword({ token, password: NEW }, { ip: null, userAgent: "vitest" })).rejects.toThrow("expired");
    await expect(resetPassword({ token: "pcpwr_nope", password: NEW }, { ip: null, userAgent: "vitest" })).rejects.toThrow("not valid");
    await expect(signInWithPassword({ email, password: OLD }, { ip: null, userAgent: "vitest" })).resolves.toBeTruthy();
    await expect(requestPasswordReset({ email: "not an email" }, { ip: null, userAgent: "vitest" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("is rate limited per email and per client address, in the database", async () => {
    const { email } = await person();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email }, { ip: `203.0.113.${i}`, userAgent: "vitest" });
    await expect(requestPasswordReset({ email }, { ip: "203.0.113.99", userAgent: "vitest" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    await getDatabase()
      .insert(passwordResetRequests)
      .values(Array.from({ length: 20 }, (_, i) => ({ email: `x${i}@example.test`, ip })));
    await expect(requestPasswordReset({ email: `fresh-${Date.now()}@example.test` }, { ip, userAgent: "vitest" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });
});
