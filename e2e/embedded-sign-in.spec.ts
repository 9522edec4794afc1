import { createHash, createPublicKey, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { SignJWT } from "jose";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

/*
 * Issue 14: a partner's own page, on another site, embeds the customer workspace in an iframe through a signed
 * direct link. The console is http://localhost:<E2E_PORT>; the partner's pages are http://127.0.0.1:<port>, a
 * different site (so the iframe is cross-site and its cookie must be SameSite=None; Secure; Partitioned, which
 * Chromium accepts from http://localhost, a potentially trustworthy origin) and different origins (so CSP
 * frame-ancestors tells them apart).
 */
const consolePort = Number(process.env.E2E_PORT ?? 3100);
const partnerPort = Number(process.env.E2E_PARTNER_PORT ?? consolePort + 10);
const partnerOrigin = `http://127.0.0.1:${partnerPort}`;
const otherOrigin = `http://127.0.0.1:${partnerPort + 1}`;

/** A partner page: an iframe on the direct link, served on `port` for as long as the test runs. */
async function partnerPage(port: number, iframeSrc: () => string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(`<!doctype html><title>Partner app</title><h1>Partner app</h1>
<iframe title="Customer workspace" src="${iframeSrc().replace(/&/g, "&amp;")}" style="width:1200px;height:700px"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function apiToken(page: Page): Promise<string> {
  await page.goto("/api-clients");
  await page.getByRole("button", { name: "Create API client" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API client" });
  await dialog.getByLabel("Name").fill(`Embedding e2e ${Date.now()}`);
  await dialog.getByRole("button", { name: "Create API client" }).click();
  const token = await page.getByRole("dialog", { name: "Copy the token now" }).getByLabel("API token").inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  return token;
}

test("a partner's page on another site signs its member into the workspace in an iframe; replay and other origins are refused", async ({
  page,
  browser,
  baseURL,
}) => {
  // Several sign-ins, two partner pages and a dozen page loads: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const fingerprint = createHash("sha256")
    .update(createPublicKey(publicPem).export({ type: "spki", format: "der" }))
    .digest("hex")
    .toUpperCase()
    .match(/../g)!
    .join(":");

  // The partner admin sets the signing key on Embedding and reads the vendor ID there.
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  await page.goto("/embedding");
  await expect(page.getByRole("heading", { name: "Embedding", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Set signing key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Set signing key" });
  await dialog.getByLabel("Public key (PEM)").fill(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  await dialog.getByRole("button", { name: "Set key" }).click();
  await expect(dialog.getByText(/This is a private key/)).toBeVisible();
  await dialog.getByLabel("Public key (PEM)").fill(publicPem);
  await dialog.getByRole("button", { name: "Set key" }).click();
  await expect(page.getByRole("table", { name: "Signing keys" })).toContainText(fingerprint);
  const vendorId = (await page.getByRole("region", { name: "Embedded vendor ID" }).locator("code").first().textContent())!.trim();
  expect(vendorId).toMatch(/^[0-9a-f]{32}$/);
  await page.screenshot({ path: "test-results/embedding.png", fullPage: true });

  // A customer whose own iframe origin is the partner page's, and a member of it with the role Operator.
  const token = await apiToken(page);
  const headers = { authorization: `Bearer ${token}` };
  const created = await page.request.post("/api/managed_users", {
    headers,
    data: { name: `Embedded ${randomUUID().slice(0, 8)}`, notification_email: "ops@example.test", origin_url: partnerOrigin },
  });
  expect(created.status()).toBe(201);
  const customer = ((await created.json()) as { result: { id: number; name: string } }).result;
  const added = await page.request.post(`/api/managed_users/${customer.id}/members`, {
    headers,
    data: { name: "Emma Embedded", email: `emma-${randomUUID().slice(0, 8)}@example.test`, role_name: "Operator" },
  });
  expect(added.status()).toBe(201);
  const member = ((await added.json()) as { result: { id: number } }).result;

  const link = async (origin: string) => {
    const jwt = await new SignJWT({ jti: randomUUID(), origin })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject(`${vendorId}:${customer.id}:${member.id}`)
      .setIssuedAt()
      .sign(privateKey);
    return `http://localhost:${consolePort}/direct_link?token=${encodeURIComponent(jwt)}&path=${encodeURIComponent("/workspace")}`;
  };
  const once = await link(partnerOrigin);
  const framedElsewhere = await link(partnerOrigin);
  const servers = [await partnerPage(partnerPort, () => once), await partnerPage(partnerPort + 1, () => framedElsewhere)];
  try {
    // A browser of its own, with no console session: the iframe's cookie is the only one.
    const context = await browser.newContext({ baseURL });
    const visitor = await context.newPage();
    const blocked: string[] = [];
    visitor.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    });

    await visitor.goto(partnerOrigin);
    const workspace = visitor.frameLocator('iframe[title="Customer workspace"]');
    const account = workspace.getByRole("region", { name: "Current account" });
    await expect(account).toContainText(customer.name);
    await expect(account).toContainText("Operator");
    await expect(workspace.getByRole("button", { name: "Emma Embedded" }).first()).toBeVisible();
    const cookies = await context.cookies(`http://localhost:${consolePort}`);
    expect(cookies.find((cookie) => cookie.name === "next-auth.session-token")).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
    await visitor.screenshot({ path: "test-results/embedded-workspace.png" });

    // Sign out inside the iframe: the session ends (its own action: next-auth's needs a cookie the iframe lacks).
    await workspace.getByRole("button", { name: "Emma Embedded" }).first().click();
    await workspace.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(workspace.getByRole("heading", { name: "You signed out" })).toBeVisible();

    // The same link again (a reload of the partner's page) is refused: its jti was used.
    await visitor.reload();
    await expect(workspace.getByText(/This token was used already/)).toBeVisible();

    // A page on another origin framing a valid link for the partner's origin: the browser blocks it by CSP.
    await visitor.goto(otherOrigin);
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(blocked.join("\n")).toContain(partnerOrigin);
    await expect(workspace.getByRole("region", { name: "Current account" })).toHaveCount(0);
    await context.close();
  } finally {
    for (const server of servers) server.close();
  }
});
