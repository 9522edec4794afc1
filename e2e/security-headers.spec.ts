import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { API_CONTENT_SECURITY_POLICY } from "../lib/security/content-security-policy";
import { returnToPartner, switchInto } from "./support/accounts";
import { signInAs } from "./support/auth";

function directive(response: APIResponse, name: string): string | undefined {
  const policy = response.headers()["content-security-policy"] ?? "";
  return policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** A page's policy: scripts only with a nonce (and what they load), nothing framing it but `frameAncestors`. */
function expectPagePolicy(response: APIResponse, frameAncestors: string) {
  expectCommonHeaders(response);
  expect(directive(response, "script-src")).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
  expect(directive(response, "object-src")).toBe("object-src 'none'");
  expect(directive(response, "base-uri")).toBe("base-uri 'none'");
  expect(directive(response, "form-action")).toBe("form-action 'self'");
  expect(directive(response, "frame-ancestors")).toBe(`frame-ancestors ${frameAncestors}`);
}

/** Records every CSP violation the page reports, and console errors that mention the policy. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])), ...consoleErrors];
}

test.describe("security headers", () => {
  test("sign-in, the REST API and Next's own files carry the headers, anonymous", async ({ page, request }) => {
    const signIn = await request.get("/sign-in");
    expect(signIn.status()).toBe(200);
    expectPagePolicy(signIn, "'none'");
    // A nonce for every response, and it is the one on the page's scripts.
    const nonce = /'nonce-([^']+)'/.exec(directive(signIn, "script-src")!)![1]!;
    expect(await signIn.text()).toContain(`nonce="${nonce}"`);
    const again = await request.get("/sign-in");
    expect(directive(again, "script-src")).not.toBe(directive(signIn, "script-src"));

    for (const path of ["/api/health", "/api/roles", "/api/openapi.json"]) {
      const api = await request.get(path);
      expectCommonHeaders(api);
      expect(api.headers()["content-security-policy"], path).toBe(API_CONTENT_SECURITY_POLICY);
    }

    const violations = await watchViolations(page);
    await page.goto("/sign-in");
    // An injected inline handler does not run, and the browser reports it (so the watch below can fail).
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/nowhere.png" onerror="window.__injected = true">`);
    });
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src-attr/));
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    const script = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
    const asset = await request.get(script!);
    expect(asset.ok()).toBeTruthy();
    expectCommonHeaders(asset);
  });

  test("HSTS and upgrade-insecure-requests only when the request came over HTTPS", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    for (const path of ["/sign-in", "/api/health"]) {
      const response = await request.get(path, { headers: https });
      expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    }
    expect(directive(await request.get("/sign-in", { headers: https }), "upgrade-insecure-requests")).toBeDefined();
    expect(directive(await request.get("/sign-in"), "upgrade-insecure-requests")).toBeUndefined();
    expect((await request.get("/sign-in", { headers: { "x-forwarded-proto": "http" } })).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the console may be framed by nobody, the workspace only by the account's effective origins (decision D3)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeManager.email);
    expectPagePolicy(await page.request.get("/customers"), "'none'");
    await switchInto(page, "Northwind Traders");
    expectPagePolicy(await page.request.get("/workspace"), "https://app.acme.example");
    await returnToPartner(page);
    expectPagePolicy(await page.request.get("/workspace"), "'none'");
  });

  test("the Customers page, a customer page and the workspace run under the policy with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    // Morgan manages Northwind, so it can also switch in below (an admin enters only as a manager, rule U18).
    await signInAs(page, DEMO_USERS.acmeManager.email);
    await page.goto("/customers");
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    // Hydrated, so Next's scripts ran: the search changes the URL.
    await page.getByRole("searchbox", { name: "Search customers" }).fill("northwind");
    await expect(page).toHaveURL(/north/);
    await expect(page.getByRole("link", { name: /Northwind/ }).first()).toBeVisible();
    await page
      .getByRole("link", { name: /Northwind/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/customers\/\d+/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);
    await switchInto(page, "Northwind Traders");
    expect(await violations()).toEqual([]);
    await returnToPartner(page);
  });
});

test.describe("known bypasses", () => {
  test("a request with x-middleware-subrequest reaches no protected data (CVE-2025-29927)", async ({ request }) => {
    for (const value of [
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    ]) {
      const headers = { "x-middleware-subrequest": value };
      const page = await request.get("/customers", { headers, maxRedirects: 0 });
      expect(page.status(), value).toBe(307);
      expect(page.headers().location).toMatch(/\/sign-in/);
      const data = await request.get("/lookups/customers?q=", { headers, maxRedirects: 0 });
      expect([307, 401]).toContain(data.status());
      expect(await data.text()).not.toContain("Northwind");
      const api = await request.get("/api/managed_users", { headers });
      expect(api.status()).toBe(401);
    }
  });

  test("a malformed percent-escape in a path answers 404 (an ID) or 400 in the API's error shape and the not-found page, never 500", async ({
    page,
    request,
  }) => {
    const malformed = ["%FF", "%", "%C0%AF", "%ED%A0%80", "ok%E2%82"];
    for (const segment of malformed) {
      // Before authentication: no token, and the answer is the same for every client.
      const api = await request.get(`/api/managed_users/${segment}`);
      // Where an ID stands: the API's answer to an ID that names nothing.
      expect(api.status(), segment).toBe(404);
      expectCommonHeaders(api);
      expect(await api.json()).toEqual({ message: expect.stringContaining("malformed"), errors: { path: ["Malformed percent-encoding."] } });
    }
    expect((await request.get("/api/managed_users/1/%FF/x")).status()).toBe(400);

    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    for (const path of malformed.map((segment) => `/customers/${segment}`).concat("/%FF", "/customers/%FF/settings")) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    }
  });

  test("a server action posted with a foreign Origin is refused, the same one from our origin runs", async ({ page, baseURL }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto("/api-clients");
    // Capture the browser's own call of **Create API client**, without letting it through.
    const captured: { call?: { url: string; headers: Record<string, string>; body: string } } = {};
    await page.route("**/api-clients", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      captured.call = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    });
    const name = `Origin test ${Date.now()}`;
    await page.getByRole("button", { name: "Create API client" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create API client" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create API client" }).click();
    await expect.poll(() => captured.call).toBeDefined();
    const call = captured.call!;
    const replay = (origin: string) =>
      page.request.post(call.url, {
        headers: {
          origin,
          "next-action": call.headers["next-action"]!,
          "content-type": call.headers["content-type"]!,
          accept: call.headers.accept ?? "text/x-component",
          "next-router-state-tree": call.headers["next-router-state-tree"] ?? "",
        },
        data: call.body,
      });
    const listed = async () => (await page.request.get("/api-clients")).text();

    // Refused as forbidden, never a 500 (lib/security/request-guard.ts); so is an Origin that is no URL at all.
    for (const origin of ["https://attacker.example", "null", "not a url"]) {
      const foreign = await replay(origin);
      expect(foreign.status(), origin).toBe(403);
    }
    expect(await listed()).not.toContain(name);

    const own = await replay(new URL(baseURL!).origin);
    expect(own.status()).toBe(200);
    expect(await listed()).toContain(name);
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain HTTP", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ name: "next-auth.session-token", httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Scripts in the page cannot read it.
    await page.goto("/customers");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });
});
