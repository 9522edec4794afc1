/**
 * Real processes for the tests that need several instances (the job queue's race, the shared rate limit): a
 * TypeScript script run by tsx in its own Node.js process, with the react-server condition so that `server-only`
 * modules load as they do in the Next.js server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface Child {
  process: ChildProcess;
  /** Everything the process wrote on stdout, once it exited, and its exit code. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function runScript(script: string, env: Record<string, string>): Child {
  const tsx = require.resolve("tsx/cli");
  const child = spawn(process.execPath, [tsx, script], {
    // tsx starts a Node.js process of its own: the condition must go through NODE_OPTIONS to reach it.
    env: { ...process.env, NODE_OPTIONS: "--conditions=react-server", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
  return { process: child, exited };
}
