import { logger } from "./logger";
import { currentRequest } from "./request-context";

/** Logs an unexpected failure with its stack and the ID of the request it happened in (when there is one). */
export function logError(error: unknown, message: string, fields: Record<string, unknown> = {}): void {
  logger().error({ ...fields, err: error, requestId: currentRequest()?.requestId }, message);
}
