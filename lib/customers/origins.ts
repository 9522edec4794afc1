/**
 * iframe origin URLs (rule U27, decision D3). Pure functions, shared by the settings form in the browser and the
 * server, so that both accept and refuse exactly the same entries.
 */

export const MAX_ORIGINS = 20;
const MAX_ORIGIN_LENGTH = 255;

/** scheme://authority and nothing after: no path (not even "/"), query, fragment; no credentials (no "@"). */
const ORIGIN_SHAPE = /^(https?):\/\/([^/?#@\\\s]+)$/i;
/** What a host may be once the URL parser has normalised it: a DNS name (IDNs become xn--), IPv4 or [IPv6]. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/** The entry as an origin (`https://example.com:8443`, lower-cased, default port dropped), or why it is not one. */
export function parseOrigin(entry: string): { origin: string } | { error: string } {
  const notAnOrigin = (why: string) => ({ error: `"${entry}" is not an origin: ${why}.` });
  if (entry.length > MAX_ORIGIN_LENGTH) return notAnOrigin(`it is longer than ${MAX_ORIGIN_LENGTH} characters`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return notAnOrigin("it must start with https:// or http://");
  if (!/^https?:\/\//i.test(entry)) return notAnOrigin("only https:// and http:// are allowed");
  if (/^https?:\/\/$/i.test(entry)) return notAnOrigin("the host is missing");
  const shape = ORIGIN_SHAPE.exec(entry);
  if (!shape) {
    return entry.includes("@", entry.indexOf("//"))
      ? notAnOrigin("remove the user name or password")
      : notAnOrigin("remove everything after the host and port (path, query or fragment)");
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return notAnOrigin("the host or port is not valid");
  }
  if (!HOST_SHAPE.test(url.hostname)) return notAnOrigin("the host is not valid");
  return { origin: url.origin };
}

/**
 * A comma-separated list of origins (spaces and line breaks around entries are ignored, empty entries skipped),
 * normalised and de-duplicated in order. `errors` has one message per bad entry, naming it.
 */
export function parseOriginList(input: string): { origins: string[]; errors: string[] } {
  const origins: string[] = [];
  const errors: string[] = [];
  const entries = input
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    const parsed = parseOrigin(entry);
    if ("error" in parsed) errors.push(parsed.error);
    else if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  if (origins.length > MAX_ORIGINS) errors.push(`Enter at most ${MAX_ORIGINS} origins.`);
  return { origins, errors };
}

/** Decision D3: the partner's origins followed by the customer's own, each once. */
export function effectiveOrigins(partnerOrigins: readonly string[], customerOrigins: readonly string[]): string[] {
  return [...new Set([...partnerOrigins, ...customerOrigins])];
}
