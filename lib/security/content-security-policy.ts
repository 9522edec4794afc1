/**
 * The Content-Security-Policy of every response, built in one place: pages get a nonce-based policy from the proxy
 * (proxy.ts), the REST API and other JSON a policy that allows nothing (next.config.mjs). No `server-only`: the
 * proxy imports it, and it touches nothing secret.
 */

/** JSON loads nothing and may be framed by nobody. next.config.mjs sends this string on `/api/*`. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** What may appear in a `frame-ancestors` source list: an origin as lib/customers/origins.ts normalises it. */
const FRAME_ANCESTOR = /^https?:\/\/[a-z0-9.\-[\]:]+$/;

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface PagePolicyOptions {
  nonce: string;
  /**
   * Who may frame the page: nobody for the partner console and sign-in; a customer's effective iframe origins for
   * its workspace (decision D3). Anything that is not a plain origin is dropped, so a stored value can never add a
   * directive.
   */
  frameAncestors?: readonly string[];
  /** The request came over HTTPS: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
  /** `next dev` evaluates code (React's error overlay) and talks to its HMR server over a WebSocket. */
  development?: boolean;
}

/**
 * The policy of an HTML page, as Next.js documents it for the app router: scripts run only with this response's
 * nonce ('strict-dynamic' lets Next's runtime load its chunks), so an injected `<script>` or event handler does not.
 */
export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  const ancestors = [...new Set((options.frameAncestors ?? []).filter((origin) => FRAME_ANCESTOR.test(origin)))];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: Radix positions its popovers and recharts sizes its charts with `style`
    // attributes, which a nonce cannot cover. Styles cannot run code; scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(" ") : "'none'"}`,
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The request reached us over HTTPS: its own URL says so, or the TLS-terminating proxy in front of Next.js does in
 * `X-Forwarded-Proto` (its first entry is the client's side).
 */
export function cameOverHttps(url: URL, headers: Headers): boolean {
  if (url.protocol === "https:") return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
