import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A recognisable prefix, so that a leaked token is easy to spot by secret scanners and people. */
export const TOKEN_PREFIX = "pcak_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens carry 256 random bits, so a fast hash is enough; only the hash is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the console shows of a token after it was created: enough to tell two apart. */
export function visiblePrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}
