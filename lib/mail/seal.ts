import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/*
 * The outbox's bodies carry one-time links (invitations, password resets) until they are sent: sealed with
 * AES-256-GCM under a key derived from NEXTAUTH_SECRET, so that a copy of the database does not hand them out.
 */

const DEVELOPMENT_SECRET = "partner-console-development-only";

function key(): Buffer {
  const secret = env("NEXTAUTH_SECRET");
  if (!secret && process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is not set: the mail outbox cannot seal its messages.");
  return Buffer.from(hkdfSync("sha256", secret ?? DEVELOPMENT_SECRET, "", "partner-console email outbox v1", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Not a sealed outbox message.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
