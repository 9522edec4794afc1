import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { customerMembers, customers, partnerMembers, sessions, signInAttempts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { MINUTE_MS } from "@/lib/time";
import { credentialsSchema } from "./credentials-schema";
import { verifyPassword } from "./password";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const FAILURE_WINDOW_MS = 15 * MINUTE_MS;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface SignInMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  userId: number;
  name: string;
  email: string;
  sessionSecret: string;
}

/**
 * Checks an email and password, and opens a database session. Repeated failures for one email (or from one
 * address) are refused for a while with a clear message, whatever the password.
 */
export async function signInWithPassword(credentials: unknown, meta: SignInMeta): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new DomainError("VALIDATION", "Enter a valid email address and your password.");
  const { email, password } = parsed.data;
  const db = getDatabase();
  const at = now();
  const since = new Date(at.getTime() - FAILURE_WINDOW_MS);
  const ip = meta.ip ?? "";

  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(sql`lower(${signInAttempts.email}) = ${email}`, eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  const [byIp] = ip
    ? await db
        .select({ n: count() })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)))
    : [{ n: 0 }];
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new DomainError("RATE_LIMITED", "Too many failed sign-in attempts. Wait 15 minutes and try again.", {}, 15 * 60);
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, avatarUrl: users.avatarUrl, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? null);
  const home = user && passwordOk ? await findHomeAccount(user.id) : null;

  if (!user || !passwordOk || !home) {
    await db.insert(signInAttempts).values({ email, ip, succeeded: false, createdAt: at });
    throw new DomainError("UNAUTHENTICATED", "Wrong email or password.");
  }

  const sessionSecret = randomBytes(32).toString("base64url");
  const idHash = hashSessionSecret(sessionSecret);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.partner_id', ${String(home.partnerId)}, true)`);
    await tx.insert(sessions).values({
      idHash,
      partnerId: home.partnerId,
      userId: user.id,
      activeCustomerId: home.customer?.id ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    });
    await tx.insert(signInAttempts).values({ email, ip, succeeded: true, createdAt: at });
    const ctx: RequestContext = {
      partnerId: home.partnerId,
      partnerName: "",
      actor: {
        kind: "user",
        userId: user.id,
        name: user.name,
        email: user.email,
        avatarUrl: user.avatarUrl,
        partnerRole: home.partnerRole,
        sessionIdHash: idHash,
      },
      account: home.customer
        ? { kind: "customer", customerId: home.customer.id, customerName: home.customer.name, switchExpiresAt: null }
        : { kind: "partner" },
      now: at,
      ip: meta.ip,
      userAgent: meta.userAgent,
    };
    await recordAudit(tx, ctx, { action: "session.sign_in", targetType: "user", targetId: user.id });
  });
  return { userId: user.id, name: user.name, email: user.email, sessionSecret };
}

export interface HomeAccount {
  partnerId: number;
  partnerRole: "admin" | "member" | null;
  customer: { id: number; name: string } | null;
}

/** A partner team member lands in its partner account; a customer's own collaborator in its workspace. */
export async function findHomeAccount(userId: number): Promise<HomeAccount | null> {
  const db = getDatabase();
  const [member] = await db
    .select({ partnerId: partnerMembers.partnerId, role: partnerMembers.role })
    .from(partnerMembers)
    .where(eq(partnerMembers.userId, userId))
    .orderBy(partnerMembers.id)
    .limit(1);
  if (member) return { partnerId: member.partnerId, partnerRole: member.role, customer: null };
  const [workspace] = await db
    .select({ partnerId: customers.partnerId, id: customers.id, name: customers.name })
    .from(customerMembers)
    .innerJoin(customers, eq(customers.id, customerMembers.customerId))
    .where(eq(customerMembers.userId, userId))
    .orderBy(customerMembers.id)
    .limit(1);
  return workspace ? { partnerId: workspace.partnerId, partnerRole: null, customer: { id: workspace.id, name: workspace.name } } : null;
}
