/**
 * What a call answered, as one of the matrix's outcome codes (see the legend of docs/authorization-matrix.md). A
 * refusal gets its code only when it has exactly the documented form; anything else comes back described, so the
 * comparison with the matrix fails and shows it.
 */
import type { ActionResult } from "@/lib/transport/action";

const MESSAGES: Record<string, string> = {
  "Your session has ended. Sign in again.": "401",
  "This is only possible from the partner account.": "partner only",
  "Only partner admins can do this.": "admins only",
  "You are not in this customer account any more.": "not inside",
  "You are not switched into a customer account.": "not switched",
};
const ROLE_REFUSAL = /^Your role in this account \(.+\) does not allow this\.$/;
const NOT_FOUND = /^[A-Z][\w ]* not found\.?$/;

/**
 * A page: the first redirect (its path: a query string only carries a notice for the page it lands on) or
 * not-found thrown by its layouts and the page, else `allow`.
 */
export async function pageOutcome(render: () => Promise<void>): Promise<string> {
  try {
    await render();
    return "allow";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string") {
      const redirect = /^NEXT_REDIRECT;\w+;([^;]+);30[78];/.exec(digest);
      if (redirect) return `→ ${new URL(redirect[1]!, "http://console.invalid").pathname}`;
      if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    }
    return `error: ${(error as Error).message}`;
  }
}

export function actionOutcome(result: ActionResult<unknown>): string {
  if (result.ok) return "allow";
  const code = MESSAGES[result.error];
  if (code) return code;
  if (ROLE_REFUSAL.test(result.error)) return "role";
  if (NOT_FOUND.test(result.error)) return "404";
  // An ID in the input that names nothing of this partner's: refused as a field error, like any unknown value.
  if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0) return "invalid";
  return `refused: ${result.error}`;
}

type Answer = { status: number; body: unknown; headers: Headers };

/** A console route handler: refusals are `{ error }` with the console's messages. */
export function consoleRouteOutcome({ status, body, headers }: Answer): string {
  if (status >= 200 && status < 300) return "allow";
  // The direct link signs in and sends the browser on (issue 14).
  const location = headers.get("location");
  if (status === 303 && location?.startsWith("/")) return `→ ${new URL(location, "http://console.invalid").pathname}`;
  const error = (body as { error?: unknown } | null)?.error;
  const keys = body && typeof body === "object" ? Object.keys(body) : [];
  if (typeof error === "string" && keys.length === 1) {
    const code = MESSAGES[error];
    if (status === 401 && code === "401") return "401";
    if (status === 403 && (code === "partner only" || code === "admins only" || code === "not switched")) return code;
    if (status === 404 && NOT_FOUND.test(error)) return "404";
  }
  return `${status} ${JSON.stringify(body)}`;
}

/** The REST API: refusals in its one error shape `{ message, errors }`. */
export function apiOutcome({ status, body, headers }: Answer): string {
  if (status >= 200 && status < 300) return "allow";
  if (status === 404 && body === null) return "404";
  const value = body as { message?: unknown; errors?: unknown } | null;
  const shaped = typeof value?.message === "string" && typeof value.errors === "object" && Object.keys(value).length === 2;
  if (shaped) {
    const message = value.message as string;
    if (status === 401 && message === "Send a valid API token as Authorization: Bearer <api_token>." && headers.get("www-authenticate") === "Bearer")
      return "401";
    if (status === 403 && /^This API client lacks the [a-z_]+:(read|write) permission\.$/.test(message)) return "scope";
    if (status === 404) return "404";
    if (status === 400 && Object.keys(value.errors as object).length > 0) return "invalid";
  }
  return `${status} ${JSON.stringify(body)}`;
}
