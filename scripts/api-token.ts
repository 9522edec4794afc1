/**
 * `npm run api-token`: creates an API client with full access for the demo partner and prints its token alone on
 * the last line, for scripts and tests: `TOKEN=$(npm run -s api-token | tail -n 1)`.
 * Works on DATABASE_URL, or on the embedded database while the console is not running.
 */
import { DEMO_PARTNERS } from "../db/seed/demo-users";
import { createFullAccessClient } from "../lib/api-clients/full-access";
import { closeDatabase } from "../lib/db";
import { openScriptDatabase } from "./lib/database";

const database = await openScriptDatabase();
// The data-access layer opens its own handles from the environment, as in the server (lib/db): point it at the
// database this script opened (the embedded one is served by this process only while the script runs).
process.env.DATABASE_URL = database.url;
process.env.DATABASE_EMBEDDED = database.embedded ? "1" : "0";
try {
  const partnerName = DEMO_PARTNERS.acme.name;
  const created = await createFullAccessClient(partnerName, `Script token ${new Date().toISOString()}`, new Date());
  console.log(`API client ${created.id} created for ${partnerName}, with full access. Its token (shown once):`);
  console.log(created.token);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
  await database.release();
}
