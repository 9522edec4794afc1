/**
 * One instance of the REST API, as a process of its own (lib/api/rate-limit.processes.test.ts): from START_AT it
 * answers REQUESTS calls of `GET /api/managed_users` with TOKEN through the route handler, all at once, and prints
 * the statuses as one JSON line.
 */
import * as managedUsers from "@/app/api/managed_users/route";
import { closeDatabase } from "@/lib/db";
import { call } from "@/tests/support/api";

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.START_AT) - Date.now())));
const statuses = await Promise.all(
  Array.from({ length: Number(process.env.REQUESTS) }, async () => {
    const answer = await call(managedUsers.GET, "GET", { token: process.env.TOKEN! });
    return answer.status === 429 ? `429:${answer.headers.get("retry-after")}` : String(answer.status);
  }),
);
await closeDatabase();
console.log(JSON.stringify({ statuses }));
