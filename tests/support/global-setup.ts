/**
 * One fresh database per test run: a new database on the PostgreSQL server of DATABASE_URL (dropped at the end),
 * or else an in-memory embedded PGlite. Migrations are applied once here; tests make the rows they need.
 */
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/connection";
import { startEmbeddedServer } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { createThrowawayDatabase } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (adminUrl) {
    const database = await createThrowawayDatabase(adminUrl, "console_test");
    url = database.url;
    teardown = () => database.drop();
  } else {
    const server = await startEmbeddedServer({ dataDir: null });
    url = server.url;
    teardown = () => server.stop();
  }
  const handle = openDatabase(url, { embedded: !adminUrl });
  await runMigrations(handle.db);
  await handle.close();
  console.log(`Tests run on ${adminUrl ? "PostgreSQL (fresh database)" : "the embedded database (PGlite, in memory)"}.`);
  project.provide("databaseUrl", url);
  project.provide("embedded", !adminUrl);
  return teardown;
}
