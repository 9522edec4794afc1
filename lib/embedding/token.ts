import "server-only";
import { compactVerify, decodeJwt, decodeProtectedHeader, importSPKI } from "jose";
import { z } from "zod";
import { refuse } from "./refusal";

/** A direct link is signed just before it is used: `iat` may be this old at most. */
export const MAX_TOKEN_AGE_SECONDS = 5 * 60;
/** How far the partner's clock and ours may disagree, either way. */
export const CLOCK_SKEW_SECONDS = 30;
/** A token is a few hundred bytes; this is far more than any honest one. */
export const MAX_TOKEN_LENGTH = 8_192;

const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_REFERENCE_LENGTH = 300;

/** `sub`: `<vendor ID>:<customer>[:<member>]`, each of customer and member an ID or `E` + an external ID. */
export interface Subject {
  vendorId: string;
  customer: string;
  member: string | null;
}

export interface DirectLinkClaims {
  subject: Subject;
  jti: string;
  iat: number;
  exp: number | null;
  origin: string | null;
}

/**
 * The algorithm, read from the header alone: anything but RS256 is refused before the payload is looked at, so an
 * unsigned (`none`) or HMAC token (HS256, signed with a public key as its "secret") never gets further.
 */
export function assertRs256(token: string | null): string {
  if (token === null || token === "") return refuse("The link has no token: add the signed JWT as the token query parameter.");
  if (token.length > MAX_TOKEN_LENGTH) return refuse(`The token is longer than ${MAX_TOKEN_LENGTH} characters.`);
  const parts = token.split(".");
  if (parts.length === 3 && parts[2] === "") {
    // The shape of `alg: none`: say so, whatever the header claims.
    return refuse('Unsigned tokens ("alg": "none") are refused: sign the token with RS256 and your RSA private key.', 401);
  }
  if (!JWS_COMPACT.test(token)) return refuse("The token is not a signed JWT: three base64url parts separated by dots (header.payload.signature).");
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return refuse("The token's header is not base64url-encoded JSON.");
  }
  if (alg === "none") return refuse('Unsigned tokens ("alg": "none") are refused: sign the token with RS256 and your RSA private key.', 401);
  if (alg !== "RS256") {
    const shown = typeof alg === "string" ? `"alg": "${alg.slice(0, 20)}"` : "A token without an alg";
    return refuse(`${shown} is refused: sign the token with RS256 and your RSA private key.`, 401);
  }
  return token;
}

function parseSubject(sub: unknown): Subject {
  if (typeof sub !== "string" || sub === "") {
    return refuse('The token has no sub claim: set it to "<vendor ID>:<customer ID or E + external ID>[:<member ID or E + external ID>]".');
  }
  const parts = sub.split(":");
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === "" || part.length > MAX_REFERENCE_LENGTH)) {
    return refuse('The sub claim must be "<vendor ID>:<customer ID or E + external ID>", optionally followed by ":<member ID or E + external ID>".');
  }
  return { vendorId: parts[0]!, customer: parts[1]!, member: parts[2] ?? null };
}

/** Before the signature is checked: only which partner the token says it comes from, to find its keys. */
export function claimedVendor(token: string): string {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch {
    return refuse("The token's payload is not base64url-encoded JSON.");
  }
  return parseSubject(payload.sub).vendorId;
}

/**
 * The payload, once the signature matches one of the partner's active keys (RS256 only). None matching is a
 * signature refusal, so a token signed by another partner's key is refused here.
 */
export async function verifiedPayload(token: string, publicKeysPem: readonly string[]): Promise<Record<string, unknown>> {
  for (const pem of publicKeysPem) {
    try {
      const { payload } = await compactVerify(token, await importSPKI(pem, "RS256"), { algorithms: ["RS256"] });
      const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return refuse("The token's payload is not a JSON object.");
      return parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof Error && error.name === "DirectLinkRefusal") throw error;
      // Not this key: try the other one of a rotation.
    }
  }
  return refuse(
    "The token's signature does not match any of the partner's active signing keys: sign it with the private key whose public key is set in Embedding (compare the fingerprints).",
    401,
  );
}

const numericDate = (claim: string) =>
  z.number({ error: `The ${claim} claim must be a NumericDate (seconds since 1970, a number).` }).finite(`The ${claim} claim must be a finite number.`);

const claimsSchema = z.object({
  jti: z
    .string({ error: "The token has no jti claim: give every token a unique ID (a UUID, say), used once." })
    .min(1, "The jti claim is empty: give every token a unique ID, used once.")
    .max(255, "The jti claim is longer than 255 characters."),
  iat: numericDate("iat").optional(),
  exp: numericDate("exp").optional(),
  nbf: numericDate("nbf").optional(),
  origin: z
    .string({ error: "The origin claim must be a string such as https://app.example.com." })
    .max(255, "The origin claim is longer than 255 characters.")
    .optional(),
});

/** The verified payload's claims, checked against the application's clock (`at`). */
export function checkClaims(payload: Record<string, unknown>, at: Date): DirectLinkClaims {
  const subject = parseSubject(payload.sub);
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return refuse(parsed.error.issues[0]!.message);
  const { jti, iat, exp, nbf, origin } = parsed.data;
  const nowSeconds = at.getTime() / 1000;
  if (iat === undefined) return refuse("The token has no iat claim: set it to the time it was signed (seconds since 1970).");
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return refuse("The token's iat is in the future: check the clock of the server that signs tokens.", 401);
  if (nowSeconds - iat > MAX_TOKEN_AGE_SECONDS + CLOCK_SKEW_SECONDS) {
    return refuse(
      `The token was issued more than ${MAX_TOKEN_AGE_SECONDS / 60} minutes ago (iat): sign a new token for every link, just before it is opened.`,
      401,
    );
  }
  if (exp !== undefined && exp + CLOCK_SKEW_SECONDS <= nowSeconds) return refuse("The token has expired (exp): sign a new token for every link.", 401);
  if (nbf !== undefined && nbf > nowSeconds + CLOCK_SKEW_SECONDS) return refuse("The token is not valid yet (nbf).", 401);
  return { subject, jti, iat, exp: exp ?? null, origin: origin ?? null };
}

/** When the token can no longer be valid anyway: its `jti` need not be remembered after that. */
export function validUntil(claims: DirectLinkClaims): Date {
  const byAge = claims.iat + MAX_TOKEN_AGE_SECONDS;
  const last = claims.exp === null ? byAge : Math.min(byAge, claims.exp);
  return new Date((last + CLOCK_SKEW_SECONDS) * 1000);
}
