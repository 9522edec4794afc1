/**
 * `npm run demo:embed`: a tiny "partner app" on http://127.0.0.1:3001 (DEMO_EMBED_PORT) that holds the demo partner's
 * private key (.data/demo-partner-key.pem, made at seed time), signs a fresh direct link for Casey Nguyen of
 * Northwind Traders on every page load, and shows the customer workspace of the console (CONSOLE_URL, by default
 * http://localhost:3000) in an iframe. Start the console first (`npm start`).
 *
 * Without the key (a database seeded before this existed), it makes and registers one: that needs the database,
 * so run it once with the console stopped (the embedded database has one owner) or with DATABASE_URL.
 */
import { createPrivateKey, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { SignJWT } from "jose";
import { DEMO_EMBED_PORT, demoEmbedFile, demoKeyFile, ensureDemoEmbedding, type DemoEmbedding } from "./lib/demo-embedding";
import { openScriptDatabase } from "./lib/database";

const consoleUrl = (process.env.CONSOLE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

async function demoSettings(): Promise<DemoEmbedding> {
  if (existsSync(demoKeyFile()) && existsSync(demoEmbedFile())) return JSON.parse(readFileSync(demoEmbedFile(), "utf8")) as DemoEmbedding;
  console.log("No demo signing key in .data yet: making one and registering its public key…");
  const database = await openScriptDatabase();
  try {
    return await ensureDemoEmbedding(database.db);
  } finally {
    await database.release();
  }
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const demo = await demoSettings();
const privateKey = createPrivateKey(readFileSync(demoKeyFile(), "utf8"));

const server = createServer((request, response) => {
  if (request.url !== "/") {
    response.writeHead(404).end();
    return;
  }
  // A new token for every page load: each one may be used once, within five minutes.
  void new SignJWT({ jti: randomUUID(), origin: demo.origin })
    .setProtectedHeader({ alg: "RS256" })
    .setSubject(demo.sub)
    .setIssuedAt()
    .sign(privateKey)
    .then((token) => {
      const link = `${consoleUrl}/direct_link?token=${encodeURIComponent(token)}&path=${encodeURIComponent("/workspace")}`;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo partner app</title></head>
<body style="font-family:system-ui,sans-serif;margin:1.5rem">
<h1 style="font-size:1.25rem">Demo partner app (${escape(demo.origin)})</h1>
<p>Signed in here as ${escape(demo.memberName)}; below, ${escape(demo.customerName)}'s workspace, opened with a direct link this page just signed.</p>
<iframe title="Customer workspace" src="${escape(link)}" style="width:100%;height:80vh;border:1px solid #ccc;border-radius:8px"></iframe>
</body></html>`);
    });
});
server.listen(DEMO_EMBED_PORT, "127.0.0.1", () => {
  console.log(`Demo partner app: ${demo.origin} (embedding ${consoleUrl}/workspace for ${demo.memberName} of ${demo.customerName}). Ctrl-C to stop.`);
});
