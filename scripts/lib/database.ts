/**
 * How a command-line script reaches the database: the PostgreSQL in DATABASE_URL, or else the embedded one, which
 * the script then owns for as long as it runs (refused, with a clear message, while the console owns it).
 */
import postgres from "postgres";
import { openDatabase, poolerOptions, type DatabaseHandle } from "../../db/connection";
import { EmbeddedDatabaseBusyError, startEmbeddedServer, type EmbeddedServer } from "../../db/embedded";

export interface ScriptDatabase extends DatabaseHandle {
  url: string;
  embedded: EmbeddedServer | null;
  /** Closes the connection and, for the embedded database, stops serving it. */
  release(): Promise<void>;
}

export async function openScriptDatabase(options: { url?: string; embeddedDir?: string | null } = {}): Promise<ScriptDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    try {
      embedded = await startEmbeddedServer({ dataDir: options.embeddedDir });
    } catch (error) {
      if (error instanceof EmbeddedDatabaseBusyError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }
  const target = url ?? embedded!.url;
  const handle = openDatabase(target, { embedded: embedded !== null });
  return {
    ...handle,
    url: target,
    embedded,
    async release() {
      await handle.close();
      await embedded?.stop();
    },
  };
}

/** Makes a throwaway database on the server of `adminUrl` and returns its URL and a way to drop it. */
export async function createThrowawayDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, ...poolerOptions() });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {}, ...poolerOptions() });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}
