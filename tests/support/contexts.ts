/**
 * Team members, sessions and request contexts for tests, made through the same tables the product uses.
 */
import { randomUUID } from "node:crypto";
import { customerManagerCustomers, customerManagers, customerMembers, partnerMembers, sessions } from "@/db/schema";
import type { Queryable } from "@/db/connection";
import type { RequestContext } from "@/lib/context";
import { hashSessionSecret } from "@/lib/auth/sign-in";
import { createUser } from "./factories";

/** A new person on the partner's team. */
export async function createTeamMember(db: Queryable, partnerId: number, options: { role?: "admin" | "member"; name?: string } = {}) {
  const user = await createUser(db, { name: options.name });
  await db.insert(partnerMembers).values({ partnerId, userId: user.id, role: options.role ?? "member" });
  return user;
}

/** A direct member of a customer workspace (an invitation through the team feature). */
export async function addDirectMember(db: Queryable, partnerId: number, customerId: number, userId: number, roleId: number) {
  await db.insert(customerMembers).values({ partnerId, customerId, userId, roleId });
}

/** The context of a signed-in person in its partner account. */
export function personContext(
  partner: { id: number; name: string },
  user: { id: number; name: string; email: string },
  options: { partnerRole?: "admin" | "member" | null; sessionIdHash?: string; at?: Date } = {},
): RequestContext {
  return {
    partnerId: partner.id,
    partnerName: partner.name,
    actor: {
      kind: "user",
      userId: user.id,
      name: user.name,
      email: user.email,
      avatarUrl: "",
      partnerRole: options.partnerRole === undefined ? "member" : options.partnerRole,
      sessionIdHash: options.sessionIdHash ?? "test",
    },
    account: { kind: "partner" },
    now: options.at ?? new Date(),
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}

/** The same context inside a customer account (switched in until `switchExpiresAt`, or at home when null). */
export function insideCustomer(
  ctx: RequestContext,
  customer: { id: number; name: string },
  switchExpiresAt: Date | null = new Date(ctx.now.getTime() + 60 * 60_000),
): RequestContext {
  return { ...ctx, account: { kind: "customer", customerId: customer.id, customerName: customer.name, switchExpiresAt } };
}

const secrets = new Map<string, string>();

/** The secret of a session that `openSession` made (what the cookie would carry). */
export function sessionSecretOf(idHash: string): string {
  const secret = secrets.get(idHash);
  if (!secret) throw new Error("not a session made by openSession");
  return secret;
}

/**
 * An open session row for the person; returns its ID hash. With `activeCustomerId` alone the person is at home in
 * that customer (its own collaborator); with `switchExpiresAt` too, switched into it until then (rule C7).
 */
export async function openSession(
  db: Queryable,
  partnerId: number,
  userId: number,
  options: { activeCustomerId?: number | null; switchExpiresAt?: Date | null; at?: Date; embedded?: { jti: string; origin: string | null } } = {},
): Promise<string> {
  const secret = randomUUID();
  const idHash = hashSessionSecret(secret);
  secrets.set(idHash, secret);
  const at = options.at ?? new Date();
  await db.insert(sessions).values({
    idHash,
    partnerId,
    userId,
    activeCustomerId: options.activeCustomerId ?? null,
    switchExpiresAt: options.switchExpiresAt ?? null,
    embeddedJti: options.embedded?.jti ?? null,
    embeddedOrigin: options.embedded?.origin ?? null,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(at.getTime() + 8 * 60 * 60_000),
  });
  return idHash;
}

/** A new team member made customer manager of `customerIds` with `roleId`, as the assignment tables hold it. */
export async function createManager(db: Queryable, partnerId: number, roleId: number, customerIds: number[], name?: string) {
  const user = await createTeamMember(db, partnerId, { name });
  return { user, assignment: await makeManager(db, partnerId, user.id, roleId, customerIds) };
}

/** An existing team member (a partner admin, say) made customer manager of `customerIds` with `roleId`. */
export async function makeManager(db: Queryable, partnerId: number, userId: number, roleId: number, customerIds: number[]) {
  const [assignment] = await db.insert(customerManagers).values({ partnerId, userId, roleId }).returning();
  if (customerIds.length > 0) {
    await db.insert(customerManagerCustomers).values(customerIds.map((customerId) => ({ partnerId, customerManagerId: assignment!.id, customerId })));
  }
  return assignment!;
}

/** The same signed-in person as `ctx`, as a plain partner team member (not an admin). */
export function asPartnerMember(ctx: RequestContext): RequestContext {
  if (ctx.actor.kind !== "user") throw new Error("asPartnerMember needs a signed-in person");
  return { ...ctx, actor: { ...ctx.actor, partnerRole: "member" } };
}

/** The same context at another moment (the app clock, moved). */
export function at(ctx: RequestContext, when: Date): RequestContext {
  return { ...ctx, now: when };
}
