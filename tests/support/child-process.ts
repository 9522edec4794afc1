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
  // tsx starts a Node.js process of its own: the condition must go through NODE_OPTIONS to reach it.
  return collect(
    spawn(process.execPath, [require.resolve("tsx/cli"), script], {
      env: { ...process.env, NODE_OPTIONS: "--conditions=react-server", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/**
 * The same, with tsx loaded into the script's own process instead of starting a second one: a signal sent to the
 * child reaches the script itself (a test that kills a worker with SIGKILL must not leave it running, orphaned).
 */
export function runKillableScript(script: string, env: Record<string, string>): Child {
  return collect(
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }),
  );
}

function collect(child: ChildProcess): Child {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
  return { process: child, exited };
}
