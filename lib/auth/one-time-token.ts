import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/api-clients/token";

/**
 * A one-time link's token (an invitation, a password reset): 256 random bits after a recognisable prefix (for secret
 * scanners), and the SHA-256 hash that is all the database keeps.
 */
export function oneTimeToken(prefix: string): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** The shape of a token made with `prefix`, checked before any lookup. */
export function tokenShape(prefix: string): RegExp {
  return new RegExp(`^${prefix}[\\w-]{43}$`);
}

export { hashToken as hashOneTimeToken };
