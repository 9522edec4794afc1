/**
 * What a verb performed in the console and through the REST API must write alike (issue #13: one command per verb,
 * one event per verb). Who performed it differs by design (a person with a session, or an API client), and so do
 * the request's address and user agent; everything else of the audit event must not.
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { auditEvents, partnerCounters } from "@/db/schema";
import { expect } from "vitest";
import type { Queryable } from "@/db/connection";

/** The last audit event of the partner so far: `eventsSince` answers those written after it. */
export async function auditMark(db: Queryable, partnerId: number): Promise<number> {
  const [row] = await db
    .select({ last: sql<number | null>`max(${auditEvents.id})` })
    .from(auditEvents)
    .where(eq(auditEvents.partnerId, partnerId));
  return Number(row?.last ?? 0);
}

/** The partner's audit events written after `mark`, in order, each without its actor, request and time. */
export async function eventsSince(db: Queryable, partnerId: number, mark: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), gt(auditEvents.id, mark)))
    .orderBy(asc(auditEvents.id));
  return rows.map((row) => {
    const {
      id: _id,
      createdAt: _createdAt,
      actorUserId: _actorUserId,
      actorName: _actorName,
      actorEmail: _actorEmail,
      actorApiClientId: _actorApiClientId,
      actingAs: _actingAs,
      ip: _ip,
      userAgent: _userAgent,
      ...event
    } = row;
    return event;
  });
}

/**
 * How many rows every table with a `customer_id` column holds for the customer (the audit trail aside: it outlives
 * a deleted customer by design), read from the catalog so that a table added later is counted too.
 */
export async function rowsOfCustomer(db: Queryable, customerId: number): Promise<Record<string, number>> {
  const tables = await db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and c.column_name = 'customer_id' and t.table_type = 'BASE TABLE'
       and c.table_name <> 'audit_events'
     order by c.table_name`);
  const counts: Record<string, number> = { customers: 0 };
  for (const { table_name: table } of tables) {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where customer_id = ${customerId}`);
    counts[table] = row!.n;
  }
  const [own] = await db.execute<{ n: number }>(sql`select count(*)::int as n from customers where id = ${customerId}`);
  counts.customers = own!.n;
  return counts;
}

/** The partner's maintained counts (written by triggers), to compare what each way of a verb changed in them. */
export async function countersOf(db: Queryable, partnerId: number) {
  const [row] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partnerId));
  const { partnerId: _partnerId, ...counts } = row ?? { partnerId, customers: 0, trials: 0, freeWithoutTrial: 0 };
  return counts;
}

/** What a step changed in the counts, field by field. */
export function countsChange(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key]! - (before[key] ?? 0)]));
}

/*
 * For a verb performed on two partners alike (one each way), whose IDs differ: labels in place of those IDs.
 */

/** Labels for the IDs of each kind (named as audit events name their targets: "user", "customer"…), and for texts. */
export interface Labels {
  ids: Record<string, Map<number, string>>;
  texts?: Map<string, string>;
}

/** The kind of ID a field holds, by its name; an audit event's `targetId` is of its `targetType`. */
const FIELD_KINDS: Record<string, string> = { partnerId: "partner", userId: "user", customerId: "customer", activeCustomerId: "customer" };

/**
 * `value` with the IDs and texts of `labels` replaced by their labels, deeply. An ID is replaced only in a field that
 * holds that kind of ID (as a number or as text), so that a count or an ID of another kind that happens to be equal
 * stays what it is; a text (an email, a name) is replaced wherever it appears, also inside a longer text (a person
 * shown as "Name (email)").
 */
export function labelled<T>(value: T, labels: Labels): T {
  const texts = [...(labels.texts ?? [])];
  const walk = (item: unknown, kind: string | undefined): unknown => {
    if ((typeof item === "number" || typeof item === "string") && kind !== undefined) {
      const label = labels.ids[kind]?.get(Number(item));
      if (label !== undefined) return label;
    }
    if (typeof item === "string") return texts.reduce((text, [key, label]) => text.split(key).join(label), item);
    if (Array.isArray(item)) return item.map((entry) => walk(entry, undefined));
    if (item instanceof Date || item === null || typeof item !== "object") return item;
    const targetType = (item as { targetType?: unknown }).targetType;
    return Object.fromEntries(
      Object.entries(item).map(([key, entry]) => [key, walk(entry, key === "targetId" && typeof targetType === "string" ? targetType : FIELD_KINDS[key])]),
    );
  };
  return walk(value, undefined) as T;
}

/** A verb as the console performs it (a server action or a workspace page's command) and as the API does. */
export interface SharedVerb<P> {
  console: (p: P) => Promise<unknown>;
  api: (p: P) => Promise<{ status: number; body: unknown }>;
}

/**
 * A runner for the verbs the console and the API share: each one is performed through the console on one partner
 * and through the API on an identical one (`alike`), and what each wrote since (`written`, labelled so that IDs
 * compare) must be equal.
 */
export function bothWaysOn<P extends { db: Queryable; acme: { partner: { id: number } } }, W>(
  alike: () => Promise<P>,
  written: (p: P, since: number) => Promise<W>,
): (verb: SharedVerb<P>) => Promise<W> {
  return async (verb) => {
    const [viaConsole, viaApi] = [await alike(), await alike()];
    const consoleSince = await auditMark(viaConsole.db, viaConsole.acme.partner.id);
    await verb.console(viaConsole);
    const fromConsole = await written(viaConsole, consoleSince);
    const apiSince = await auditMark(viaApi.db, viaApi.acme.partner.id);
    const response = await verb.api(viaApi);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    const fromApi = await written(viaApi, apiSince);
    expect(fromApi).toEqual(fromConsole);
    return fromConsole;
  };
}
