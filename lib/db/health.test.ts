/**
 * The health routes' database check answers while every pooled connection is busy (a balancer's check queued behind
 * the requests timed out, and haproxy took a busy but healthy instance out of rotation: docs/reliability.md).
 * PostgreSQL only: the embedded database is one connection for everything, by design.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { onRealPostgres } from "@/tests/support/concurrency";
import { databaseAnswers, getDatabase } from "./index";

describe("the health check's database query", () => {
  it.skipIf(!onRealPostgres())("answers at once while every connection of the pool is held by slow queries", { timeout: 30_000 }, async () => {
    // One more than the pool holds, so that the pool has none free and a queue.
    // `.then` sends each query now (drizzle's are sent when awaited).
    const busy = Array.from({ length: env("DATABASE_POOL_MAX") + 1 }, () =>
      getDatabase()
        .execute(sql`select pg_sleep(3)`)
        .then(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(await databaseAnswers()).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    await Promise.all(busy);
  });
});
