/**
 * The API's rate limit is shared by every instance: two Node.js processes, each with its own pool, answer one
 * client's requests at the same moment, and together they accept no more than the limit of one window, answering
 * the rest 429 with Retry-After. PostgreSQL only: the embedded database serves one process by design.
 */
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { apiToken } from "@/tests/support/api";
import { runScript } from "@/tests/support/child-process";
import { onRealPostgres } from "@/tests/support/concurrency";
import { createPartner } from "@/tests/support/factories";

/** A start far enough ahead for both processes to load, and not in the last 20 s of a minute (one window). */
function startInOneWindow(): number {
  let at = Date.now() + 8_000;
  if (at % 60_000 > 40_000) at = at - (at % 60_000) + 60_000 + 500;
  return at;
}

describe("the API rate limit across instances", () => {
  it.skipIf(!onRealPostgres())(
    "accepts at most the limit of one window from two processes together, and answers the rest 429",
    { timeout: 90_000 },
    async () => {
      const { partner, admin } = await createPartner(getDatabase());
      const token = await apiToken(partner, admin);
      const env = { TOKEN: token, REQUESTS: "25", START_AT: String(startInOneWindow()), API_RATE_LIMIT_CUSTOMERS: "30" };
      const results = await Promise.all([1, 2].map(() => runScript("tests/support/rate-limit-client.ts", env).exited));
      const statuses = results.flatMap((result) => {
        expect(result, result.stderr).toMatchObject({ code: 0 });
        return (JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { statuses: string[] }).statuses;
      });
      expect(statuses).toHaveLength(50);
      expect(statuses.filter((status) => status === "200")).toHaveLength(30);
      const refused = statuses.filter((status) => status.startsWith("429:"));
      expect(refused).toHaveLength(20);
      for (const status of refused) expect(Number(status.slice(4))).toBeGreaterThan(0);
      // Each process accepted some: the limit was shared, not met by one alone.
      for (const result of results) expect(result.stdout).toContain('"200"');
    },
  );
});
