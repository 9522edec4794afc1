/**
 * `npm run db:seed`: loads the deterministic demo into an empty database.
 * `npm run db:seed -- --reset`: drops everything first.
 * `npm run db:seed -- --customers 1000000`: adds customers to the benchmark partner, set-based, with progress.
 */
import { count, sql } from "drizzle-orm";
import { runMigrations } from "../db/migrate";
import { partners } from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { ensureDemoEmbedding } from "./lib/demo-embedding";
import { seedLargePartner } from "../db/seed/large";
import { openScriptDatabase } from "./lib/database";

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : (process.argv[index + 1] ?? "");
}

const customersFlag = flag("--customers");
const reset = process.argv.includes("--reset");
const database = await openScriptDatabase();
try {
  if (reset) {
    await database.db.execute(sql`drop schema if exists public cascade`);
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`create schema public`);
  }
  await runMigrations(database.db);
  if (customersFlag !== undefined) {
    const target = Number(customersFlag.replace(/_/g, ""));
    if (!Number.isInteger(target) || target < 1) throw new Error(`--customers needs a whole number, not "${customersFlag}"`);
    const started = Date.now();
    let lastLine = "";
    const { partnerId } = await seedLargePartner(database, {
      customers: target,
      now: new Date(),
      onProgress(done, total) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`;
        if (line !== lastLine) process.stdout.write(`\r${line}`);
        lastLine = line;
      },
    });
    console.log(`\nBench partner ${partnerId} has ${target.toLocaleString("en")} customers (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  } else {
    const [existing] = await database.db.select({ n: count() }).from(partners);
    if (existing && existing.n > 0) {
      console.log("The database already has data: nothing loaded. Use `npm run db:seed -- --reset` to start over.");
    } else {
      const summary = await seedDemo(database.db, { now: new Date() });
      console.log(`Demo data loaded: ${JSON.stringify(summary)}`);
      // The demo partner app's signing key, for npm run demo:embed (written to .data only).
      await ensureDemoEmbedding(database.db);
    }
  }
} finally {
  await database.release();
}
