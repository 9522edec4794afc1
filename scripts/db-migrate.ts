import { runMigrations } from "../db/migrate";
import { openScriptDatabase } from "./lib/database";

const database = await openScriptDatabase();
try {
  await runMigrations(database.db);
  console.log(`Migrations applied (${database.embedded ? "embedded database" : "DATABASE_URL"}).`);
} finally {
  await database.release();
}
