/**
 * Around every request of the custom server: an ID (the client's `X-Request-Id` if it is a plausible one, else a
 * new one) passed to the application and sent back in `X-Request-Id`, and one log line when the response ends:
 * time, request ID, method, route pattern, status, duration, partner, instance.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger";
import { requestStorage, type RequestStore } from "./request-context";
import type { RoutePattern } from "./route-pattern";

const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && PLAUSIBLE_ID.test(given) ? given : randomUUID();
}

export function withRequestLog(
  routePattern: RoutePattern,
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = process.hrtime.bigint();
    const store: RequestStore = { requestId: requestIdOf(request), partnerId: null };
    // The application reads it from the request too (instrumentation's onRequestError).
    request.headers["x-request-id"] = store.requestId;
    response.setHeader("X-Request-Id", store.requestId);
    response.once("close", () => {
      const pathname = (request.url ?? "/").split("?")[0]!;
      logger().info(
        {
          requestId: store.requestId,
          method: request.method,
          route: routePattern(pathname),
          status: response.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          partnerId: store.partnerId,
          ...(response.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
    requestStorage.run(store, () => {
      Promise.resolve(handle(request, response)).catch((error: unknown) => {
        logger().error({ requestId: store.requestId, err: error }, "request failed");
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
  };
}
