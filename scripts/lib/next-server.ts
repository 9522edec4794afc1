/**
 * `next start` on a given database for the HTTP measurements (`npm run bench`, `npm run load`): built first when
 * there is no build yet, and answered only once /api/health says the database is reachable.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/** The secret the measured server signs its session cookies with (the bench reads them back). */
export const BENCH_NEXTAUTH_SECRET = "bench-secret";

export interface NextServer {
  origin: string;
  stop(): void;
}

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

/** Builds the console when there is no build yet (a later run reuses it: `rm -r .next` to measure new code). */
export async function ensureBuild(): Promise<void> {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("\nBuilding for the HTTP figures…");
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, [nextBin, "build"], { stdio: "inherit" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error("build failed")))),
  );
}

export async function startNextServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<NextServer> {
  await ensureBuild();
  const { port } = options;
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      DATABASE_EMBEDDED: "0",
      NEXTAUTH_SECRET: BENCH_NEXTAUTH_SECRET,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NODE_ENV: "production",
      ...options.env,
    },
  });
  // A run that ends on an error must not leave the server behind holding its port.
  process.once("exit", () => server.kill("SIGKILL"));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (
      await fetch(`${origin}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { origin, stop: () => server.kill("SIGTERM") };
}
