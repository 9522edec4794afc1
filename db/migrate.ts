import { resolve } from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Database } from "./connection";
import { ensureCatalog } from "./catalog";

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations, then makes sure the shared catalogs (apps) are present. */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  await ensureCatalog(db);
}
