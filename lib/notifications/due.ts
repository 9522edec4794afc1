import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { TRIAL_TASK_LIMIT } from "@/lib/customers/plan-rules";
import { DAY_MS } from "@/lib/time";
import type { NotificationKind } from "./kinds";

/** One event that is due: a customer, which occurrence, and the figures its email names. */
export interface DueNotification extends Record<string, unknown> {
  customer_id: number;
  partner_id: number;
  customer_name: string;
  notification_email: string;
  occurrence: string;
  trial_ends_at: Date | null;
  used: number | null;
  lim: number | null;
}

/**
 * How long after its moment a trial event is still sent. The three trial windows tile the time line without
 * overlapping: a trial that starts with 3 days left gets "ends in 1 day" and "ended", never a late "ends in 7 days".
 * A day is far longer than the job's period, so a stopped worker catches up on everything of the last day.
 */
export const TRIAL_EVENT_LOOKBACK_MS = DAY_MS;

const TRIAL_OFFSETS_MS: Partial<Record<NotificationKind, number>> = {
  trial_ends_in_7_days: 7 * DAY_MS,
  trial_ends_in_1_day: DAY_MS,
  trial_ended: 0,
};

/** The customer's own choice, else the partner's default, else on (lib/notifications/kinds.ts `effectiveChoice`). */
const enabled = (kind: NotificationKind) =>
  sql`coalesce((c.notification_settings ->> ${kind})::boolean, (pa.notification_defaults ->> ${kind})::boolean, true)`;

/**
 * Not sent yet: one probe of the unique key customer_notifications_event_key per candidate (a lateral subquery on
 * the candidate's ID), never a scan of every notification of the period, which would be repeated per candidate.
 * The caller filters on `ns.sent is null`.
 */
const sentProbe = (kind: NotificationKind, occurrence: SQL) =>
  sql`left join lateral (select true as sent from customer_notifications n
                          where n.customer_id = c.id and n.kind = ${kind} and n.occurrence = ${occurrence} limit 1) ns on true`;

/** A trial end as the occurrence key: the instant, as JavaScript's toISOString writes it. */
const TRIAL_END_KEY = sql`to_char(c.trial_ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What every kind of due event selects of a candidate customer: who, the occurrence key, and the measure reached. */
function candidateColumns(occurrence: SQL, used: SQL): SQL {
  return sql`c.id as customer_id, c.partner_id, c.name as customer_name, c.notification_email,
             ${occurrence} as occurrence, c.trial_ends_at, ${used} as used`;
}

/**
 * The query that finds up to `limit` events of `kind` due at `at` and not sent yet, across every partner, each
 * branch on an index (checked with EXPLAIN at 100,000 customers: docs/notifications.md):
 * - trial events: a one-day window of trial ends on customers_trial_ends_at_idx;
 * - tasks and connections of customers on their own plan: per plan, the customers at or above the threshold on
 *   customers_plan_tasks_idx / customers_plan_connections_idx (partner, plan, figure);
 * - tasks of customers with a trial (limit 100 whatever the plan, rule U21) and connections of ended trials (the
 *   Free plan, decision D1): per partner, on the running and ended trial indexes by figure.
 * Every row visited is at or above its threshold, so the work is the events of the period, not the customers.
 */
export function dueNotificationsSql(kind: NotificationKind, at: Date, period: string, limit: number, partnerId?: number): SQL {
  // One partner only: for tests, which share their database with other test files.
  const onlyPartner = partnerId === undefined ? sql`` : sql` and pa.id = ${partnerId}`;
  const offset = TRIAL_OFFSETS_MS[kind];
  if (offset !== undefined) {
    const to = new Date(at.getTime() + offset);
    const from = new Date(to.getTime() - TRIAL_EVENT_LOOKBACK_MS);
    return sql`
      select ${candidateColumns(TRIAL_END_KEY, sql`null::int`)}, null::int as lim
        from customers c
        join partners pa on pa.id = c.partner_id
        ${sentProbe(kind, TRIAL_END_KEY)}
       where c.trial_ends_at is not null and c.trial_ends_at > ${from} and c.trial_ends_at <= ${to}
         and ${enabled(kind)} and ns.sent is null${onlyPartner}
       limit ${limit}`;
  }
  const periodKey = sql`${period}::text`;
  if (kind === "tasks_80_percent" || kind === "tasks_100_percent") {
    // Integer arithmetic (the ceiling of limit × percent / 100), so that the threshold is a range on the index.
    const percent = kind === "tasks_80_percent" ? 80 : 100;
    const threshold = Math.ceil((TRIAL_TASK_LIMIT * percent) / 100);
    const columns = candidateColumns(periodKey, sql`c.tasks_used`);
    const probe = sentProbe(kind, periodKey);
    const common = sql`c.usage_period = ${period}::date and ${enabled(kind)} and ns.sent is null`;
    return sql`
      (select d.* from plans p
         join partners pa on pa.id = p.partner_id
        cross join lateral (
          select ${columns}, p.task_limit as lim
            from customers c ${probe}
           where c.partner_id = p.partner_id and c.plan_id = p.id
             and c.tasks_used >= (p.task_limit * ${sql.raw(String(percent))} + 99) / 100 and c.trial_ends_at is null and ${common}
           limit ${limit}) d
        where p.task_limit > 0${onlyPartner}
        limit ${limit})
      union all
      (select d.* from partners pa
        cross join lateral (
          (select ${columns}, ${TRIAL_TASK_LIMIT}::int as lim
             from customers c ${probe}
            where c.partner_id = pa.id and c.trial_ends_at is not null and not c.trial_ended
              and c.tasks_used >= ${sql.raw(String(threshold))} and ${common}
            limit ${limit})
          union all
          (select ${columns}, ${TRIAL_TASK_LIMIT}::int as lim
             from customers c ${probe}
            where c.partner_id = pa.id and c.trial_ended
              and c.tasks_used >= ${sql.raw(String(threshold))} and ${common}
            limit ${limit})) d
        where true${onlyPartner}
        limit ${limit})
      limit ${limit}`;
  }
  // connection_limit_reached: at most once a billing period while the authenticated connections are at the limit.
  const columns = candidateColumns(periodKey, sql`c.authenticated_connections`);
  const probe = sentProbe(kind, periodKey);
  const common = sql`${enabled(kind)} and ns.sent is null`;
  return sql`
    (select d.* from plans p
       join partners pa on pa.id = p.partner_id
      cross join lateral (
        select ${columns}, p.connection_limit as lim
          from customers c ${probe}
         where c.partner_id = p.partner_id and c.plan_id = p.id
           and c.authenticated_connections >= p.connection_limit
           and (c.trial_ends_at is null or c.trial_ends_at > ${at}) and ${common}
         limit ${limit}) d
      where p.connection_limit > 0${onlyPartner}
      limit ${limit})
    union all
    (select d.* from partners pa
       join plans f on f.partner_id = pa.id and f.is_free and f.connection_limit > 0
      cross join lateral (
        select ${columns}, f.connection_limit as lim
          from customers c ${probe}
         where c.partner_id = pa.id and c.trial_ended
           and c.authenticated_connections >= f.connection_limit and ${common}
         limit ${limit}) d
      where true${onlyPartner}
      limit ${limit})
    limit ${limit}`;
}
