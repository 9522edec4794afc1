/**
 * Graceful shutdown of an instance (scripts/server.ts, on SIGTERM or SIGINT): answer not ready (the balancer's next
 * health check takes the instance out), stop taking connections, let the requests in flight finish for up to
 * SHUTDOWN_TIMEOUT_MS (10 s by default), then run the shutdown hooks (the job worker stops at a safe point, the
 * pools close).
 */
import type { Server } from "node:http";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { lifecycle } from "./state";

export function shutdownTimeoutMs(): number {
  return env("SHUTDOWN_TIMEOUT_MS");
}

/** Counts a request in flight until its response closes. */
export function trackInFlight(response: { once(event: "close", listener: () => void): unknown }): void {
  const state = lifecycle();
  state.inFlight += 1;
  response.once("close", () => {
    state.inFlight -= 1;
  });
}

async function untilIdle(deadline: number): Promise<boolean> {
  while (lifecycle().inFlight > 0) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

export async function drain(server: Server, timeoutMs = shutdownTimeoutMs()): Promise<void> {
  const state = lifecycle();
  if (state.draining) return;
  state.draining = true;
  const log = logger();
  const deadline = Date.now() + timeoutMs;
  log.info({ inFlight: state.inFlight, timeoutMs }, "draining: no new connections; finishing the requests in flight");
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold close() open; busy ones finish their response first.
  server.closeIdleConnections();
  const finished = await untilIdle(deadline);
  if (!finished) log.warn({ inFlight: state.inFlight }, "shutdown timeout: closing the connections still busy");
  server.closeAllConnections();
  await closed;
  for (const hook of state.hooks) {
    try {
      await hook.run();
    } catch (error) {
      log.error({ err: error, hook: hook.name }, "shutdown hook failed");
    }
  }
  log.info("stopped");
}
