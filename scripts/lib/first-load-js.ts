import { gzipSync } from "node:zlib";

/**
 * The gzipped size of every script a page's HTML makes a current browser load on first visit, largest first. The
 * `nomodule` polyfills are left out: browsers that run modules (all the console supports) never fetch them.
 */
export async function firstLoadJs(origin: string, path: string, cookie: string): Promise<{ totalKb: number; files: { src: string; kb: number }[] }> {
  const html = await (await fetch(`${origin}${path}`, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)].filter((match) => !/\bnomodule\b/i.test(`${match[1]} ${match[3]}`));
  const sources = [...new Set(tags.map((match) => match[2]!))];
  const files = await Promise.all(
    sources.map(async (src) => ({ src, kb: gzipSync(Buffer.from(await (await fetch(`${origin}${src}`)).arrayBuffer())).length / 1024 })),
  );
  files.sort((a, b) => b.kb - a.kb);
  return { totalKb: files.reduce((sum, file) => sum + file.kb, 0), files };
}

/** Signs in through next-auth's credentials endpoint and returns the cookie header to send. */
export async function signInCookie(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const signIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return signIn.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
}
