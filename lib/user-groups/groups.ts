import "server-only";
import { and, asc, count, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { userGroupMembers, userGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import type { Page, PageInput } from "@/lib/project-grants/grants";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

/** A collaborator group of a customer workspace (seed 003 `user_groups`). */
export interface UserGroup {
  id: number;
  name: string;
  description: string;
  members_count: number;
  created_at: string;
  updated_at: string;
}

type GroupRow = typeof userGroups.$inferSelect;

/** Groups as the API shows them, with their member counts read in one grouped query. */
export async function toUserGroups(tx: Queryable, rows: GroupRow[]): Promise<UserGroup[]> {
  const ids = rows.map((row) => row.id);
  const counted =
    ids.length === 0
      ? []
      : await tx
          .select({ id: userGroupMembers.userGroupId, n: count() })
          .from(userGroupMembers)
          .where(inArray(userGroupMembers.userGroupId, ids))
          .groupBy(userGroupMembers.userGroupId);
  const counts = new Map(counted.map((row) => [row.id, row.n]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    members_count: counts.get(row.id) ?? 0,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

export async function toUserGroup(tx: Queryable, row: GroupRow): Promise<UserGroup> {
  return (await toUserGroups(tx, [row]))[0]!;
}

function inWorkspace(ctx: RequestContext, customerId: number, where?: SQL) {
  return and(eq(userGroups.partnerId, ctx.partnerId), eq(userGroups.customerId, customerId), where);
}

/** A group of the workspace, locked for the rest of the transaction, or not found (decision D8). */
export async function groupIn(tx: Queryable, ctx: RequestContext, customerId: number, id: number): Promise<GroupRow> {
  const [row] = await tx
    .select()
    .from(userGroups)
    .where(inWorkspace(ctx, customerId, eq(userGroups.id, id)))
    .for("update");
  if (!row) throw notFound("Collaborator group");
  return row;
}

export async function listUserGroups(ctx: RequestContext, reference: string, options: PageInput & { name?: string }): Promise<Page<UserGroup>> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const pattern = containsPattern(options.name);
    const where = inWorkspace(ctx, customer.id, pattern ? ilike(userGroups.name, pattern) : undefined);
    const [total] = await tx.select({ n: count() }).from(userGroups).where(where);
    const rows = await tx
      .select()
      .from(userGroups)
      .where(where)
      .orderBy(asc(userGroups.name), asc(userGroups.id))
      .limit(options.size)
      .offset((options.page - 1) * options.size);
    const data = await toUserGroups(tx, rows);
    return { data, total: total?.n ?? 0, page: { number: options.page, size: options.size } };
  });
}

export async function getUserGroup(ctx: RequestContext, reference: string, id: number): Promise<UserGroup> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    return toUserGroup(tx, await groupIn(tx, ctx, customer.id, id));
  });
}

const TAKEN = () => conflict("A collaborator group with this name already exists in the workspace.", { name: ["Already taken."] });

async function refuseTakenName(tx: Queryable, ctx: RequestContext, customerId: number, name: string, exceptId: number | null) {
  const [taken] = await tx
    .select({ id: userGroups.id })
    .from(userGroups)
    .where(
      inWorkspace(ctx, customerId, and(sql`lower(${userGroups.name}) = lower(${name})`, exceptId === null ? undefined : sql`${userGroups.id} <> ${exceptId}`)),
    );
  if (taken) throw TAKEN();
}

/** Two requests racing for one name: the unique index decides, and the loser hears 409 like the check's. */
async function withNameGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "user_groups_customer_name_key")) throw TAKEN();
    throw error;
  }
}

export async function createUserGroup(ctx: RequestContext, reference: string, input: { name: string; description: string }): Promise<UserGroup> {
  await authorize(ctx, "collaborators.write");
  return withNameGuard(() =>
    inPartnerScope(ctx, async (tx) => {
      const customer = await findManagedUser(tx, ctx, reference);
      await refuseTakenName(tx, ctx, customer.id, input.name, null);
      const [row] = await tx
        .insert(userGroups)
        .values({ partnerId: ctx.partnerId, customerId: customer.id, name: input.name, description: input.description, createdAt: ctx.now, updatedAt: ctx.now })
        .returning();
      await recordAudit(tx, ctx, {
        action: "user_group.created",
        targetType: "user_group",
        targetId: row!.id,
        customer: { id: customer.id, name: customer.name },
        changes: { name: { from: null, to: input.name }, description: { from: null, to: input.description } },
      });
      return toUserGroup(tx, row!);
    }),
  );
}

export async function updateUserGroup(ctx: RequestContext, reference: string, id: number, input: { name?: string; description?: string }): Promise<UserGroup> {
  await authorize(ctx, "collaborators.write");
  return withNameGuard(() =>
    inPartnerScope(ctx, async (tx) => {
      const customer = await findManagedUser(tx, ctx, reference);
      const current = await groupIn(tx, ctx, customer.id, id);
      if (input.name !== undefined) await refuseTakenName(tx, ctx, customer.id, input.name, id);
      const next = { name: input.name ?? current.name, description: input.description ?? current.description };
      if (next.name === current.name && next.description === current.description) return toUserGroup(tx, current);
      const [row] = await tx
        .update(userGroups)
        .set({ ...next, updatedAt: ctx.now })
        .where(eq(userGroups.id, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: "user_group.updated",
        targetType: "user_group",
        targetId: id,
        customer: { id: customer.id, name: customer.name },
        changes: { name: { from: current.name, to: next.name }, description: { from: current.description, to: next.description } },
      });
      return toUserGroup(tx, row!);
    }),
  );
}

/** Deletes a group; its memberships and project grants go with it (the members keep their own access). */
export async function deleteUserGroup(ctx: RequestContext, reference: string, id: number): Promise<void> {
  await authorize(ctx, "collaborators.write");
  await inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const current = await groupIn(tx, ctx, customer.id, id);
    await tx.delete(userGroups).where(eq(userGroups.id, id));
    await recordAudit(tx, ctx, {
      action: "user_group.deleted",
      targetType: "user_group",
      targetId: id,
      customer: { id: customer.id, name: customer.name },
      changes: { name: { from: current.name, to: null } },
    });
  });
}
