/**
 * The embedded database: PGlite, persisted in a git-ignored folder and served on a loopback port through its
 * socket server, so that the console talks to it exactly as it talks to a real PostgreSQL (postgres.js, the same
 * migrations and queries).
 *
 * PGlite takes no lock on its folder, and a second process opening it loses writes. So exactly one process owns
 * the folder (the start script, a migrate or seed script, or a test run), and it records itself in a lock file
 * beside the folder; every other process is refused with a clear message.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { env } from "../lib/env";

/** `.data/pglite`, or EMBEDDED_DATABASE_DIR (the README commands' test gives each run a fresh folder). */
export const DEFAULT_EMBEDDED_DIR = resolve(process.cwd(), env("EMBEDDED_DATABASE_DIR"));

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number;
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${owner.pid} (the running console or a script). ` +
        `Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, port: 0 }));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLock(lockPath);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new EmbeddedDatabaseBusyError(dirname(lockPath), owner);
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts PGlite on `dataDir` (or in memory when `dataDir` is null) and serves it on 127.0.0.1.
 * One client connection at a time: PGlite is single-threaded, and sharing it between connections was seen to
 * mix up unnamed prepared statements.
 */
export async function startEmbeddedServer(options: { dataDir?: string | null; port?: number } = {}): Promise<EmbeddedServer> {
  const dataDir = options.dataDir === undefined ? DEFAULT_EMBEDDED_DIR : options.dataDir;
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    releaseLock = takeLock(`${dataDir}.lock`);
  }
  try {
    const pg = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { pg_trgm } });
    const port = options.port ?? (await freePort());
    const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port, maxConnections: 1 });
    await server.start();
    if (dataDir) {
      const fd = openSync(`${dataDir}.lock`, "w");
      writeSync(fd, JSON.stringify({ pid: process.pid, port }));
      closeSync(fd);
    }
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await pg.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Whether the embedded folder exists yet (a fresh machine has none). */
export function embeddedDatabaseExists(dataDir = DEFAULT_EMBEDDED_DIR): boolean {
  return existsSync(dataDir);
}
