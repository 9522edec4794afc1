/**
 * An instance's HTTP server: every request gets its ID and log line (lib/observability/request-log.ts) and is
 * counted in flight; SIGTERM or SIGINT drains it (lib/lifecycle/drain.ts) and then ends the process. The console's
 * server (scripts/server.ts) is this around Next.js's handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";
import { withRequestLog } from "@/lib/observability/request-log";
import type { RoutePattern } from "@/lib/observability/route-pattern";
import { drain, trackInFlight } from "./drain";

export interface ServeOptions {
  port: number;
  hostname?: string;
  routePattern: RoutePattern;
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
  /** After the drain, before the process exits (Next.js closes its own resources here). */
  afterDrain?: () => Promise<unknown>;
}

export function serve(options: ServeOptions): Server {
  const server = createServer(
    withRequestLog(options.routePattern, (request, response) => {
      trackInFlight(response);
      return options.handle(request, response);
    }),
  );
  // Longer than a balancer's idle timeout, so that the balancer, not us, closes an idle connection (no reset races).
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, "shutting down");
    await drain(server);
    await options.afterDrain?.().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  server.listen(options.port, options.hostname, () => logger().info({ port: options.port }, "listening"));
  return server;
}
