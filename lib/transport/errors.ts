import "server-only";
import { knownFailure } from "@/lib/db/errors";
import { DomainError, HTTP_STATUS, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/observability/log-error";

/**
 * The one translator from what a command threw to each transport's answer. A DomainError (an unreachable database
 * among them, see `knownFailure`) keeps its status and message in every shape; anything else is logged here, once,
 * and answered without its internals.
 */
function knownOrLogged(error: unknown, what: string, details?: Record<string, unknown>): DomainError | null {
  const known = knownFailure(error);
  if (!known) logError(error, what, details);
  return known;
}

const NO_STORE = { "cache-control": "no-store" };
const retryAfterOf = (error: DomainError): Record<string, string> => (error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {});

// Server actions: `{ ok: false, error, fieldErrors }`.

export type ActionFailure = { ok: false; error: string; fieldErrors?: FieldErrors };

export function actionFailure(error: unknown): ActionFailure {
  const known = knownOrLogged(error, "server action failed");
  if (known) return { ok: false, error: known.message, fieldErrors: known.fieldErrors };
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; try again." };
}

// Console route handlers: `{ error }` with the status.

export function consoleErrorResponse(error: DomainError): Response {
  return Response.json({ error: error.message }, { status: HTTP_STATUS[error.code], headers: { ...NO_STORE, ...retryAfterOf(error) } });
}

export function consoleFailure(error: unknown): Response {
  const known = knownOrLogged(error, "console route failed");
  if (known) return consoleErrorResponse(known);
  return Response.json({ error: "Something went wrong on our side. Try again." }, { status: 500, headers: NO_STORE });
}

// The REST API: `{"message": "What went wrong", "errors": {"field_name": ["What is wrong with it"]}}` for every
// status (`errors` may be empty).

export interface ApiErrorBody {
  message: string;
  errors: FieldErrors;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Field errors from the data-access layer use camelCase names; the API speaks snake_case. */
export function apiFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors).map(([key, messages]) => [snake(key), messages]));
}

export function errorResponse(status: number, message: string, errors: FieldErrors = {}, headers: Record<string, string> = {}): Response {
  const body: ApiErrorBody = { message, errors };
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function domainErrorResponse(error: DomainError): Response {
  return errorResponse(HTTP_STATUS[error.code], error.message, apiFieldErrors(error.fieldErrors), retryAfterOf(error));
}

/** Anything unexpected answers 503 "try again", never a 500 with internals. */
export function apiFailure(error: unknown, details: Record<string, unknown>): Response {
  const known = knownOrLogged(error, "API request failed", details);
  if (known) return domainErrorResponse(known);
  return errorResponse(503, "The request could not be completed. Nothing was changed; try again.");
}

// Pages: their one translation (NOT_FOUND is the 404 page) is in ./page.ts, which alone loads next/navigation: the
// REST and console routes import this file, and must load in a plain Node.js process too (the rate-limit test's
// instances, scripts).
