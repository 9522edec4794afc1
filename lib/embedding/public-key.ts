import { createHash, createPublicKey, type KeyObject } from "node:crypto";

/** Direct links are signed with RS256: an RSA key of fewer bits is refused (NIST SP 800-57 retired 1024 in 2013). */
export const MIN_RSA_BITS = 2048;
/** A PEM public key is a few hundred characters; 16 KB leaves room for an 8192-bit key and its line breaks. */
export const MAX_PEM_LENGTH = 16_384;

export interface ParsedPublicKey {
  /** The key as SPKI PEM (`-----BEGIN PUBLIC KEY-----`), whatever form it was pasted in. */
  spkiPem: string;
  fingerprint: string;
  modulusBits: number;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/;

/** SHA-256 of the key's DER (SPKI) encoding, as colon-separated upper-case hex: `openssl pkey -pubin -outform DER | sha256sum`. */
export function fingerprintOf(key: KeyObject): string {
  const der = key.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
}

/**
 * The public key a partner pastes, or why it cannot be one: only an RSA public key (PKCS#8 `PUBLIC KEY` or PKCS#1
 * `RSA PUBLIC KEY` PEM) of at least 2048 bits. Each refusal names the problem, so the partner's developer knows what
 * to paste instead.
 */
export function parsePublicKey(input: string): { key: ParsedPublicKey } | { error: string } {
  const text = input.trim();
  if (text === "") return { error: "Paste the public key (PEM)." };
  if (text.length > MAX_PEM_LENGTH) return { error: `This is longer than ${MAX_PEM_LENGTH} characters: paste one PEM public key only.` };
  const block = PEM_BLOCK.exec(text);
  if (!block) return { error: "This is not a PEM key: paste the text from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----." };
  const label = block[1]!;
  if (/PRIVATE KEY/.test(label)) {
    return { error: "This is a private key. Keep it in your app, and paste its public key here (openssl rsa -in private.pem -pubout)." };
  }
  if (label === "CERTIFICATE") return { error: "This is a certificate: paste the public key itself (openssl x509 -in cert.pem -pubkey -noout)." };
  if (label !== "PUBLIC KEY" && label !== "RSA PUBLIC KEY") return { error: `A "${label}" PEM block is not a public key: paste a PUBLIC KEY block.` };
  let key: KeyObject;
  try {
    key = createPublicKey({ key: block[0], format: "pem", type: label === "RSA PUBLIC KEY" ? "pkcs1" : "spki" });
  } catch {
    return { error: "This PEM block could not be read as a public key: check that it was copied whole, line breaks included." };
  }
  if (key.asymmetricKeyType !== "rsa") {
    const kind = key.asymmetricKeyType === "rsa-pss" ? "an RSA-PSS" : `an ${String(key.asymmetricKeyType).toUpperCase()}`;
    return { error: `This is ${kind} key: direct links are signed with RS256, which needs a plain RSA key.` };
  }
  const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (modulusBits < MIN_RSA_BITS) return { error: `This RSA key has ${modulusBits} bits: use one of at least ${MIN_RSA_BITS} bits.` };
  return { key: { spkiPem: key.export({ type: "spki", format: "pem" }).toString(), fingerprint: fingerprintOf(key), modulusBits } };
}
