import { readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { poolerOptions } from "../../db/connection";

/**
 * The database of the server under test, for checking what the browser did. Only on a real PostgreSQL: the
 * embedded database serves one connection, which the console holds.
 */
export function e2eDatabase(): postgres.Sql | null {
  const info = JSON.parse(readFileSync(join(process.cwd(), ".data", "e2e-database.json"), "utf8")) as { url: string; embedded: boolean };
  return info.embedded ? null : postgres(info.url, { max: 2, onnotice: () => {}, ...poolerOptions() });
}
