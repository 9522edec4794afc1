import type { z } from "zod";

/**
 * The one family of domain errors. Data-access functions throw these; pages, server actions and the REST API
 * translate them once each (`notFound()`, `{ ok: false, error }`, an HTTP status).
 */
export type DomainErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UNAVAILABLE";

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A record of another partner answers exactly like one that does not exist (decision D8). */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} not found`);
}

export function forbidden(message = "You are not allowed to do this."): DomainError {
  return new DomainError("FORBIDDEN", message);
}

export function conflict(message: string, fieldErrors: FieldErrors = {}): DomainError {
  return new DomainError("CONFLICT", message, fieldErrors);
}

export function invalid(message: string, fieldErrors: FieldErrors = {}): DomainError {
  return new DomainError("VALIDATION", message, fieldErrors);
}

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Turns a zod failure into one message per field, keyed by the field's path (`plan`, `origins.2`…). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** A lone UTF-16 surrogate: no Unicode character, so it cannot be sent to PostgreSQL as UTF-8 text or JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "Remove the NUL character (U+0000): it cannot be stored.";
  if (LONE_SURROGATE.test(value)) return "Remove the invalid character (a lone UTF-16 surrogate): it cannot be stored.";
  return null;
}

/**
 * PostgreSQL's text cannot hold U+0000, and no text or JSON can hold a lone UTF-16 surrogate: a string carrying
 * either fails the query that stores or compares it. Inputs are checked for them once validated (server actions and
 * the REST API), so that they are refused as bad input, per field, instead of failing on the way to the database.
 * Keys are the fields' paths, as in `fieldErrorsOf`.
 */
export function unstorableTextErrors(value: unknown, path: string[] = []): FieldErrors {
  if (typeof value === "string") {
    const reason = unstorableText(value);
    return reason ? { [path.join(".") || "form"]: [reason] } : {};
  }
  if (value === null || typeof value !== "object") return {};
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return Object.assign({}, ...entries.map(([key, item]) => unstorableTextErrors(item, [...path, key]))) as FieldErrors;
}
