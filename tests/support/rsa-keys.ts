/**
 * RSA key pairs for the embedded sign-in's tests, made once per test file (a 2048-bit pair takes a moment).
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";

export interface TestKeyPair {
  publicPem: string;
  privateKey: KeyObject;
}

export function rsaKeyPair(bits = 2048): TestKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return { publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey };
}
