import { DomainError, HTTP_STATUS, type FieldErrors } from "@/lib/errors";

/**
 * The one error shape of the REST API, for every status:
 * `{"message": "What went wrong", "errors": {"field_name": ["What is wrong with it"]}}` (`errors` may be empty).
 */
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
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function domainErrorResponse(error: DomainError): Response {
  const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
  return errorResponse(HTTP_STATUS[error.code], error.message, apiFieldErrors(error.fieldErrors), headers);
}
