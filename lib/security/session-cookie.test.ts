import NextAuth from "next-auth";
import { afterEach, describe, expect, it } from "vitest";
import { partnerMembers } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { getDatabase } from "@/lib/db";
import { createPartner, createUser } from "@/tests/support/factories";

const originalUrl = process.env.NEXTAUTH_URL;
const originalSecret = process.env.NEXTAUTH_SECRET;

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

afterEach(() => {
  restore("NEXTAUTH_URL", originalUrl);
  restore("NEXTAUTH_SECRET", originalSecret);
});

/** A Node response as far as next-auth's API handler uses one; keeps what it was sent. */
function recordingResponse() {
  const headers = new Map<string, string | string[]>();
  let body: unknown;
  const res = {
    status: () => res,
    setHeader: (name: string, value: string | string[]) => {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    json: (value: unknown) => void (body = value),
    send: (value: unknown) => void (body = value),
  };
  return { res, setCookies: () => [headers.get("set-cookie") ?? []].flat(), body: () => body };
}

/**
 * Signs in with the console's own options through next-auth's handler, as the browser does (CSRF token, then the
 * credentials callback); returns the session cookie's Set-Cookie header.
 */
async function signIn(baseUrl: string): Promise<string> {
  process.env.NEXTAUTH_URL = baseUrl;
  process.env.NEXTAUTH_SECRET = "session-cookie-test-secret";
  const db = getDatabase();
  const { partner } = await createPartner(db);
  const email = `cookie-${Date.now()}@example.test`;
  const user = await createUser(db, { email, passwordHash: await hashPassword("a long passphrase") });
  await db.insert(partnerMembers).values({ partnerId: partner.id, userId: user.id, role: "member" });
  const options = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
  const headers = { host: new URL(baseUrl).host, "user-agent": "vitest" };

  const csrf = recordingResponse();
  await NextAuth({ method: "GET", query: { nextauth: ["csrf"] }, headers, cookies: {} } as never, csrf.res as never, options);
  const { csrfToken } = csrf.body() as { csrfToken: string };
  const csrfCookie = csrf
    .setCookies()
    .find((cookie) => cookie.includes("next-auth.csrf-token="))!
    .split(";")[0]!;
  const [cookieName, cookieValue] = [csrfCookie.slice(0, csrfCookie.indexOf("=")), decodeURIComponent(csrfCookie.slice(csrfCookie.indexOf("=") + 1))];

  const callback = recordingResponse();
  await NextAuth(
    {
      method: "POST",
      query: { nextauth: ["callback", "credentials"] },
      headers,
      cookies: { [cookieName]: cookieValue },
      body: { csrfToken, email, password: "a long passphrase", json: "true" },
    } as never,
    callback.res as never,
    options,
  );
  const session = callback.setCookies().find((cookie) => cookie.includes("next-auth.session-token="));
  expect(session, "next-auth set a session cookie").toBeDefined();
  return session!;
}

function attributes(setCookie: string): { name: string; flags: string[] } {
  const [pair, ...flags] = setCookie.split(";").map((part) => part.trim());
  return { name: pair!.slice(0, pair!.indexOf("=")), flags: flags.map((flag) => flag.toLowerCase()) };
}

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and not Secure when the console is served over plain HTTP", async () => {
    const { name, flags } = attributes(await signIn("http://localhost:3000"));
    expect(name).toBe("next-auth.session-token");
    expect(flags).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(flags).not.toContain("secure");
  });

  it("is Secure, with the __Secure- prefix, when NEXTAUTH_URL is https://", async () => {
    const { name, flags } = attributes(await signIn("https://console.example"));
    expect(name).toBe("__Secure-next-auth.session-token");
    expect(flags).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
  });
});
