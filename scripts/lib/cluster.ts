/**
 * N instances of the console's production server (scripts/server.ts) on their own ports, and Debian's haproxy in
 * front of them on one port: what `npm run cluster` runs for people and `npm run load -- --instances N` runs under
 * load. Each instance can be killed and started again on its own port, so that the load run can take one down
 * (SIGKILL) and restart another (SIGTERM, then start) while traffic flows.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { haproxyConfig } from "./haproxy-config";

export interface Instance {
  /** `instance-1`…, also its INSTANCE_ID (in its log lines) and its name in haproxy (`X-Served-By` when asked). */
  id: string;
  port: number;
  /** Sends the signal; answers when the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** Starts a fresh process on the same port; answers when it is ready. */
  start(): Promise<void>;
}

export interface Cluster {
  origin: string;
  instances: Instance[];
  /** SIGTERM to every instance (each drains) and to haproxy; answers when all have exited. */
  stop(): Promise<void>;
  /** Settles when haproxy exits on its own (a configuration or port error). */
  balancerExited: Promise<number | null>;
}

export interface ClusterOptions {
  count: number;
  balancerPort: number;
  /** The instances' environment: the same NEXTAUTH_SECRET and DATABASE_URL for all (see the README). */
  env: NodeJS.ProcessEnv;
  /** Instance output: inherited (npm run cluster) or dropped (the load run prints its own figures). */
  output: "inherit" | "ignore";
  /** Adds `X-Served-By: instance-N` to every answer, haproxy's own errors included (the load run counts by it). */
  servedBy?: boolean;
  /** haproxy's line for each request (`<X-Request-Id> <instance> <status> <termination state>`), as it ends. */
  onRequestLog?: (line: string) => void;
}

async function waitReady(port: number, isAlive: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (!isAlive()) throw new Error(`The instance on port ${port} exited before it was ready.`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The instance on port ${port} was not ready after 5 minutes.`);
}

/**
 * haproxy marks an instance up only after two passing checks a second apart, and it saw them all down while they
 * started: wait until the balancer has served a round of answers from every instance (2 × N in a row).
 */
async function balancerReady(origin: string, count: number): Promise<void> {
  let inARow = 0;
  for (let attempt = 0; attempt < 120 && inARow < 2 * count; attempt++) {
    const ok = await fetch(`${origin}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    inARow = ok ? inARow + 1 : 0;
    if (!ok) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (inARow < 2 * count) throw new Error(`haproxy on ${origin} did not pass requests to the instances within a minute.`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function instance(id: string, port: number, options: ClusterOptions): Instance {
  let child: ChildProcess | null = null;
  const launch = () => {
    // Node itself with tsx as a loader, not tsx's CLI: the CLI runs the server in a child process, which a SIGKILL
    // of the CLI would leave running.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      stdio: ["ignore", options.output, options.output === "inherit" ? "inherit" : "ignore"],
      env: { ...options.env, PORT: String(port), LISTEN_HOST: "127.0.0.1", INSTANCE_ID: id },
    });
    return child;
  };
  // A run that ends on an error must not leave servers behind holding their ports (exit handlers run synchronously).
  process.once("exit", () => child?.kill("SIGKILL"));
  return {
    id,
    port,
    async stop(signal) {
      if (!child) return;
      const current = child;
      current.kill(signal);
      await exited(current);
    },
    async start() {
      const current = launch();
      await waitReady(port, () => current.exitCode === null && current.signalCode === null);
    },
  };
}

/** Starts the instances (in parallel) and haproxy; answers once every instance is ready. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const instances = Array.from({ length: options.count }, (_, index) => instance(`instance-${index + 1}`, options.balancerPort + 1 + index, options));
  const dir = mkdtempSync(join(tmpdir(), "console-cluster-"));
  writeFileSync(
    join(dir, "haproxy.cfg"),
    haproxyConfig(
      options.balancerPort,
      instances.map((item) => item.port),
      { servedBy: options.servedBy ?? false, requestLog: options.onRequestLog !== undefined },
    ),
  );
  const haproxy = spawn("haproxy", ["-W", "-db", "-f", join(dir, "haproxy.cfg")], {
    stdio: ["ignore", options.onRequestLog ? "pipe" : options.output, options.output === "inherit" ? "inherit" : "ignore"],
  });
  if (options.onRequestLog && haproxy.stdout) createInterface({ input: haproxy.stdout }).on("line", options.onRequestLog);
  const balancerExited = new Promise<number | null>((resolve) => haproxy.once("exit", (code) => resolve(code)));
  process.once("exit", () => haproxy.kill("SIGKILL"));
  haproxy.once("error", () => undefined);
  await Promise.all(instances.map((item) => item.start()));
  const origin = `http://127.0.0.1:${options.balancerPort}`;
  await balancerReady(origin, instances.length);
  return {
    origin,
    instances,
    balancerExited,
    async stop() {
      await Promise.all(instances.map((item) => item.stop("SIGTERM")));
      haproxy.kill("SIGTERM");
      await exited(haproxy);
    },
  };
}
