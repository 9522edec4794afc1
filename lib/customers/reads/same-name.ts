import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { hasVisibleCharacter, normalizeName } from "@/lib/names";
import { authorize } from "@/lib/authorization/authorize";

/** Another customer that goes by a name: enough to tell the two apart and to open it. */
export type SameNameCustomer = {
  id: number;
  name: string;
  externalId: string | null;
};

export interface SameName {
  /** The first few, oldest first. */
  customers: SameNameCustomer[];
  /** How many there are in all (counted up to SAME_NAME_COUNT_LIMIT). */
  total: number;
}

const SHOWN = 3;
export const SAME_NAME_COUNT_LIMIT = 100;

/**
 * The partner's other customers named `name`, letter case and invisible edges aside (a name is normalized as
 * lib/names.ts stores it). Two customers may share a name: this only lets the forms warn before it happens. It
 * reads the (partner_id, lower(name)) index, so it stays one index probe at a million customers.
 */
export async function otherCustomersNamedIn(tx: Queryable, partnerId: number, name: string, exceptId: number | null): Promise<SameName> {
  const normalized = normalizeName(name);
  if (!hasVisibleCharacter(normalized)) return { customers: [], total: 0 };
  const rows: SameNameCustomer[] = await tx
    .select({ id: customers.id, name: customers.name, externalId: customers.externalId })
    .from(customers)
    .where(
      and(
        eq(customers.partnerId, partnerId),
        // The (partner_id, lower(name)) index.
        eq(sql`lower(${customers.name})`, sql`lower(${normalized})`),
        exceptId === null ? undefined : ne(customers.id, exceptId),
      ),
    )
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(SAME_NAME_COUNT_LIMIT);
  return { customers: rows.slice(0, SHOWN), total: rows.length };
}

/** The same, for a partner console reader (any team member: the Customers page shows every customer to them). */
export async function otherCustomersNamed(ctx: RequestContext, input: { name: string; exceptId?: number | null }): Promise<SameName> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, (tx) => otherCustomersNamedIn(tx, ctx.partnerId, input.name, input.exceptId ?? null));
}
