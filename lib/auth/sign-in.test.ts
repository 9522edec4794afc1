import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, partnerMembers, sessions } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { createPartner, createUser } from "@/tests/support/factories";
import { hashPassword } from "./password";
import { hashSessionSecret, signInWithPassword } from "./sign-in";

const meta = { ip: "203.0.113.9", userAgent: "vitest" };

describe("signInWithPassword", () => {
  it("opens a database session with a hashed secret and audits the sign-in", async () => {
    const db = getDatabase();
    const { partner } = await createPartner(db);
    const email = `member-${Date.now()}@example.test`;
    const user = await createUser(db, { email, passwordHash: await hashPassword("a long passphrase") });
    await db.insert(partnerMembers).values({ partnerId: partner.id, userId: user.id, role: "member" });

    const signedIn = await signInWithPassword({ email: email.toUpperCase(), password: "a long passphrase" }, meta);
    expect(signedIn.userId).toBe(user.id);
    const [session] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashSessionSecret(signedIn.sessionSecret)));
    expect(session).toMatchObject({ userId: user.id, partnerId: partner.id, revokedAt: null });
    // Only the hash is stored.
    const [plain] = await db.select().from(sessions).where(eq(sessions.idHash, signedIn.sessionSecret));
    expect(plain).toBeUndefined();
    const events = await db
      .select({ action: auditEvents.action, actingAs: auditEvents.actingAs })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.actorUserId, user.id)));
    expect(events).toEqual([{ action: "session.sign_in", actingAs: "partner_member" }]);
  });

  it("refuses a wrong password, an unknown email and a malformed one with the same kind of error", async () => {
    await expect(signInWithPassword({ email: "nobody@example.test", password: "x" }, meta)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword({ email: "not-an-email", password: "x" }, meta)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("slows down repeated failures: the sixth attempt within 15 minutes is refused even with the right password", async () => {
    const db = getDatabase();
    const { partner } = await createPartner(db);
    const email = `target-${Date.now()}@example.test`;
    const user = await createUser(db, { email, passwordHash: await hashPassword("the right one") });
    await db.insert(partnerMembers).values({ partnerId: partner.id, userId: user.id, role: "admin" });
    const otherIp = { ip: "198.51.100.7", userAgent: "vitest" };
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signInWithPassword({ email, password: "wrong" }, otherIp)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(signInWithPassword({ email, password: "the right one" }, otherIp)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const open = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    expect(open).toHaveLength(0);
  });
});
