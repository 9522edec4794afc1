/**
 * Rows for tests, made through the same tables the product uses. Each call makes a new partner or customer with
 * unique names, so tests never depend on each other's data.
 */
import { randomUUID } from "node:crypto";
import { customers, partnerMembers, partners, plans, users } from "@/db/schema";
import type { Queryable } from "@/db/connection";
import type { RequestContext } from "@/lib/context";
import { FREE_PLAN } from "@/lib/customers/plan-rules";

let sequence = 0;
const unique = (label: string) => `${label} ${++sequence}-${randomUUID().slice(0, 8)}`;

export async function createPartner(db: Queryable, options: { name?: string } = {}) {
  const [partner] = await db
    .insert(partners)
    .values({ name: options.name ?? unique("Partner") })
    .returning();
  const [free, starter, growth] = await db
    .insert(plans)
    .values([
      { partnerId: partner!.id, ...FREE_PLAN, isFree: true, position: 0 },
      { partnerId: partner!.id, name: "Starter", taskLimit: 1_000, connectionLimit: 5, position: 1 },
      { partnerId: partner!.id, name: "Growth", taskLimit: 10_000, connectionLimit: 25, position: 2 },
    ])
    .returning();
  const admin = await createUser(db, { name: "Partner Admin" });
  await db.insert(partnerMembers).values({ partnerId: partner!.id, userId: admin.id, role: "admin" });
  return { partner: partner!, plans: { free: free!, starter: starter!, growth: growth! }, admin };
}

export async function createUser(db: Queryable, options: { name?: string; email?: string; passwordHash?: string | null } = {}) {
  const name = options.name ?? unique("Person");
  const [user] = await db
    .insert(users)
    .values({ name, email: options.email ?? `${randomUUID()}@example.test`, passwordHash: options.passwordHash ?? null })
    .returning();
  return user!;
}

export async function createCustomer(db: Queryable, partnerId: number, planId: number, overrides: Partial<typeof customers.$inferInsert> = {}) {
  const [customer] = await db
    .insert(customers)
    .values({ partnerId, planId, name: unique("Customer"), notificationEmail: "ops@example.test", ...overrides })
    .returning();
  return customer!;
}

/** The context of a partner admin signed in to its partner account. */
export function adminContext(partner: { id: number; name: string }, admin: { id: number; name: string; email: string }, at = new Date()): RequestContext {
  return {
    partnerId: partner.id,
    partnerName: partner.name,
    actor: { kind: "user", userId: admin.id, name: admin.name, email: admin.email, avatarUrl: "", partnerRole: "admin", sessionIdHash: "test" },
    account: { kind: "partner" },
    now: at,
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}
