import { describe, expect, it } from "vitest";
import { cameOverHttps, createNonce, pageContentSecurityPolicy } from "./content-security-policy";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values.join(" ")];
    }),
  );
}

describe("the page's Content-Security-Policy", () => {
  it("runs only scripts with this response's nonce and loads nothing from elsewhere", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].join(" ")).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it("is framed by nobody in the console, and only by the workspace's effective origins inside it (decision D3)", () => {
    expect(directives(pageContentSecurityPolicy({ nonce: "n" })).get("frame-ancestors")).toBe("'none'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", frameAncestors: [] })).get("frame-ancestors")).toBe("'none'");
    const workspace = pageContentSecurityPolicy({
      nonce: "n",
      frameAncestors: ["https://app.acme.example", "http://localhost:8080", "https://app.acme.example"],
    });
    expect(directives(workspace).get("frame-ancestors")).toBe("https://app.acme.example http://localhost:8080");
  });

  it("drops anything in the frame ancestors that is not a plain origin, so stored text cannot add a directive", () => {
    const policy = pageContentSecurityPolicy({
      nonce: "n",
      frameAncestors: ["https://ok.example", "https://x.example; script-src *", "*", "'unsafe-inline'", "https://a.example/path", "javascript:alert(1)"],
    });
    expect(directives(policy).get("frame-ancestors")).toBe("https://ok.example");
    expect(policy.split("; ").filter((directive) => directive.startsWith("script-src"))).toHaveLength(1);
    expect(pageContentSecurityPolicy({ nonce: "n", frameAncestors: ["*"] })).toContain("frame-ancestors 'none'");
  });

  it("upgrades stray http:// requests over HTTPS, and allows eval and the HMR socket only under next dev", () => {
    expect(directives(pageContentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
    const development = directives(pageContentSecurityPolicy({ nonce: "n", development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("connect-src")).toBe("'self' ws: wss:");
  });
});

describe("createNonce", () => {
  it("is fresh for every response and carries 128 random bits", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("cameOverHttps", () => {
  it("trusts the URL's scheme and the first X-Forwarded-Proto entry", () => {
    expect(cameOverHttps(new URL("https://console.example/"), new Headers())).toBe(true);
    expect(cameOverHttps(new URL("http://localhost:3000/"), new Headers())).toBe(false);
    expect(cameOverHttps(new URL("http://localhost:3000/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(cameOverHttps(new URL("http://localhost:3000/"), new Headers({ "x-forwarded-proto": "HTTPS, http" }))).toBe(true);
    expect(cameOverHttps(new URL("http://localhost:3000/"), new Headers({ "x-forwarded-proto": "http, https" }))).toBe(false);
  });
});
