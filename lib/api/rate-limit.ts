import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db";
import { rateLimitSetting } from "@/lib/env";
import { MINUTE_MS } from "@/lib/time";

/**
 * Per-client fixed-window rate limits, shared by every instance through PostgreSQL. The documented limits are per
 * client and per group of endpoints (60 a minute for customer managers and for collaborators); each can be changed
 * with `API_RATE_LIMIT_<GROUP>` (requests a minute). The windows are the clock's minutes, so that every instance
 * agrees on which window a request falls in.
 */
export const RATE_GROUPS = {
  customer_managers: 60,
  collaborators: 60,
  customers: 1000,
  directory: 600,
  embedding: 60,
} as const;
export type RateGroup = keyof typeof RATE_GROUPS;

const WINDOW_MS = MINUTE_MS;

export function rateLimitOf(group: RateGroup): number {
  return rateLimitSetting(group) ?? RATE_GROUPS[group];
}

/**
 * Counts one request; answers how many seconds to wait when the window is full, else null. One statement: the
 * upsert adds the request only while the window has room, so concurrent requests on several instances can never
 * push the accepted count past the limit (the row lock orders them). Machine time, not the application clock: a
 * window is a real minute.
 */
export async function takeRequest(apiClientId: number, group: RateGroup, at: number = Date.now()): Promise<number | null> {
  const windowStart = Math.floor(at / WINDOW_MS) * WINDOW_MS;
  const limit = rateLimitOf(group);
  // Raw SQL: one conditional upsert (`on conflict … do update … where`) counts and caps the window atomically, on every API request, across instances.
  const rows = await getDatabase().execute(sql`
    insert into api_rate_limit_windows as w (api_client_id, rate_group, window_start, count)
    values (${apiClientId}, ${group}, ${new Date(windowStart)}, 1)
    on conflict (api_client_id, rate_group, window_start) do update set count = w.count + 1 where w.count < ${limit}
    returning w.count`);
  if (rows.length > 0) return null;
  return Math.max(1, Math.ceil((windowStart + WINDOW_MS - at) / 1000));
}
