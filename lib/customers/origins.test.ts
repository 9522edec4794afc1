import { describe, expect, it } from "vitest";
import { effectiveOrigins, parseOrigin, parseOriginList } from "./origins";

describe("iframe origin URLs (rule U27, decision D3)", () => {
  it("accepts origins: http or https, a host, an optional port, and normalises them", () => {
    expect(parseOrigin("https://customer.example.com")).toEqual({ origin: "https://customer.example.com" });
    expect(parseOrigin("HTTPS://Customer.Example.COM:8443")).toEqual({ origin: "https://customer.example.com:8443" });
    expect(parseOrigin("https://example.com:443")).toEqual({ origin: "https://example.com" });
    expect(parseOrigin("http://localhost:3000")).toEqual({ origin: "http://localhost:3000" });
    expect(parseOrigin("http://127.0.0.1:8080")).toEqual({ origin: "http://127.0.0.1:8080" });
    expect(parseOrigin("https://[::1]:8443")).toEqual({ origin: "https://[::1]:8443" });
    expect(parseOrigin("https://bücher.example")).toEqual({ origin: "https://xn--bcher-kva.example" });
  });

  it.each([
    ["customer.example.com", "must start with https:// or http://"],
    ["ftp://example.com", "only https:// and http:// are allowed"],
    ["javascript://example.com", "only https:// and http:// are allowed"],
    ["https://", "the host is missing"],
    ["https://example.com/", "remove everything after the host and port"],
    ["https://example.com/app", "remove everything after the host and port"],
    ["https://example.com?x=1", "remove everything after the host and port"],
    ["https://example.com?", "remove everything after the host and port"],
    ["https://example.com#top", "remove everything after the host and port"],
    ["https://user:secret@example.com", "remove the user name or password"],
    ["https://example.com:99999", "the host or port is not valid"],
    ["https://*.example.com", "the host is not valid"],
    ["https://exa mple.com", "remove everything after the host and port"],
  ])("refuses %s, naming it", (entry, why) => {
    const result = parseOrigin(entry);
    expect(result).toHaveProperty("error");
    const { error } = result as { error: string };
    expect(error).toContain(`"${entry}"`);
    expect(error).toContain(why);
  });

  it("splits on commas, skips empty entries, removes duplicates and names every bad entry", () => {
    expect(parseOriginList(" https://a.example.com ,\nhttps://A.example.com, , https://b.example.com:8443,")).toEqual({
      origins: ["https://a.example.com", "https://b.example.com:8443"],
      errors: [],
    });
    const { errors } = parseOriginList("https://ok.example.com, https://bad.example.com/path, nope");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"https://bad.example.com/path"');
    expect(errors[1]).toContain('"nope"');
    expect(parseOriginList("")).toEqual({ origins: [], errors: [] });
  });

  it("puts the partner's origins first, then the customer's own, each once", () => {
    expect(effectiveOrigins(["https://app.acme.example"], ["https://c.acme.example", "https://app.acme.example"])).toEqual([
      "https://app.acme.example",
      "https://c.acme.example",
    ]);
  });
});
