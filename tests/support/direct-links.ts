/**
 * Signed direct links for tests, made the way a partner's app makes them: jose's SignJWT with the partner's RSA
 * private key (RS256), or deliberately wrong (another algorithm, unsigned).
 */
import { createHmac, randomUUID, type KeyObject } from "node:crypto";
import { CompactSign, SignJWT, type JWTPayload } from "jose";

export interface LinkClaims extends JWTPayload {
  origin?: string;
}

/** A fresh RS256 token: `sub` as given, a new jti and iat now unless the claims say otherwise. */
export async function signLink(privateKey: KeyObject, claims: LinkClaims, at = new Date()): Promise<string> {
  const { iat, ...rest } = claims;
  return new SignJWT({ jti: randomUUID(), ...rest })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuedAt(iat ?? Math.floor(at.getTime() / 1000))
    .sign(privateKey);
}

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** A token with any header, HMAC-SHA256-signed with `secret` (the classic attack: the public key as the secret). */
export function hmacToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
}

/** An unsigned token (`alg: none`), with an empty signature part. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
}

export function directLinkUrl(token: string, path?: string, base = "http://localhost"): string {
  const url = new URL("/direct_link", base);
  url.searchParams.set("token", token);
  if (path !== undefined) url.searchParams.set("path", path);
  return url.toString();
}

/** Any JSON payload, RS256-signed as it is (no claim checked or added): for the fuzzer's hostile claims. */
export function signPayload(privateKey: KeyObject, payload: Record<string, unknown>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
}
