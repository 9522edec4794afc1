/**
 * The custom server's guard (request-guard.ts) over real HTTP, in front of a stand-in for Next.js that fails as
 * Next.js does: it decodes each path segment and answers 500 when one does not decode, and refuses a cross-origin
 * server action with a 500. The browser tests (e2e/security-headers.spec.ts) check the same against the real
 * server.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest, isForeignServerAction, literalPath } from "./request-guard";

function standInForNext(request: IncomingMessage, response: ServerResponse) {
  try {
    const segments = (request.url ?? "/")
      .split("?")[0]!
      .split("/")
      .map((segment) => decodeURIComponent(segment));
    if (request.headers["next-action"] && request.headers.origin && new URL(request.headers.origin).host !== request.headers.host) {
      throw new Error("Invalid Server Actions request.");
    }
    response.end(JSON.stringify({ segments }));
  } catch {
    response.statusCode = 500;
    response.end("Internal Server Error");
  }
}

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (!guardRequest(request, response, { allowedOrigins: ["console.partner.example"] })) standInForNext(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request: the path exactly as given (fetch would not send a lone `%` as is), any headers. */
function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const MALFORMED = ["%FF", "%", "%C0%AF", "%ED%A0%80", "%E2%82", "abc%2", "%%41"];

describe("a path with a malformed percent-escape", () => {
  it("answers in the REST API's error shape before any route runs: 404 where an ID stands, else 400", async () => {
    for (const segment of MALFORMED) {
      for (const [path, status] of [
        [`/api/managed_users/${segment}`, 404],
        [`/api/managed_users/1/members/${segment}/privileges`, 404],
        [`/api/${segment}`, 400],
        [`/api/managed_users/1/${segment}?x=1`, 400],
      ] as const) {
        const response = await send("GET", path);
        expect(response.status, path).toBe(status);
        expect(response.type).toBe("application/json");
        expect(JSON.parse(response.body)).toEqual({ message: expect.stringMatching(/malformed/), errors: { path: ["Malformed percent-encoding."] } });
      }
    }
  });

  it("reaches a page with the segment taken literally, so that the page's own check answers", async () => {
    for (const segment of MALFORMED) {
      const response = await send("GET", `/customers/${segment}/settings?tab=1`);
      expect(response.status, segment).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ segments: ["", "customers", segment, "settings"] });
    }
  });

  it("leaves well-formed paths alone, escapes and query strings included", async () => {
    expect(literalPath("/customers/12")).toBeNull();
    expect(literalPath("/customers/caf%C3%A9?q=%FF")).toBeNull();
    expect(literalPath("/a/%FF/b%20c?x=%")).toBe("/a/%25FF/b%20c?x=%");
    expect(JSON.parse((await send("GET", "/api/x/caf%C3%A9")).body)).toEqual({ segments: ["", "api", "x", "café"] });
  });
});

describe("a server action", () => {
  const action = (origin: string | undefined, extra: Record<string, string> = {}) =>
    send("POST", "/customers", { "next-action": "7f00", ...(origin === undefined ? {} : { origin }), ...extra });

  it("from another origin answers 403, not 500, whatever the Origin holds", async () => {
    for (const origin of ["https://attacker.example", `http://127.0.0.1:${port + 1}`, "null", "not a url"]) {
      const response = await action(origin);
      expect(response.status, origin).toBe(403);
      expect(response.body).toMatch(/another site/);
    }
  });

  it("runs from its own origin, without an Origin, and from a configured allowed origin", async () => {
    expect((await action(`http://127.0.0.1:${port}`)).status).toBe(200);
    expect((await action(undefined)).status).toBe(200);
    expect(
      isForeignServerAction({ method: "POST", headers: { "next-action": "7f00", origin: "https://console.partner.example", host: "10.0.0.5:3000" } }, [
        "console.partner.example",
      ]),
    ).toBe(false);
  });

  it("compares with X-Forwarded-Host first, as Next.js does behind a proxy", () => {
    const headers = { "next-action": "7f00", origin: "https://console.example", host: "10.0.0.5:3000" };
    expect(isForeignServerAction({ method: "POST", headers: { ...headers, "x-forwarded-host": "console.example" } })).toBe(false);
    expect(isForeignServerAction({ method: "POST", headers })).toBe(true);
    expect(isForeignServerAction({ method: "GET", headers })).toBe(false);
    expect(isForeignServerAction({ method: "POST", headers: { origin: "https://attacker.example", host: "console.example" } })).toBe(false);
  });
});
