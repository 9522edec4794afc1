/**
 * next-auth's catch-all route is `NextAuth(authOptions)`, whose app-router form reads Next's request scope from
 * CommonJS (which the test cannot stand in for). It is called here in next-auth's Node form with the same options,
 * as lib/security/session-cookie.test.ts does: the same handler, the same options, a minimal response.
 */
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export async function callNextAuth(method: string, action: string, body: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  let status = 200;
  let sent: unknown = null;
  const headers = new Headers();
  const res = {
    status: (code: number) => ((status = code), res),
    setHeader: (name: string, value: string | string[]) => (headers.set(name, [value].flat().join(", ")), res),
    getHeader: (name: string) => headers.get(name) ?? undefined,
    end: () => undefined,
    json: (value: unknown) => void (sent = value),
    send: (value: unknown) => void (sent = value),
  };
  const req = { method, query: { nextauth: action.split("/") }, headers: { host: "localhost", "user-agent": "authorization-matrix" }, cookies: {}, body };
  await NextAuth(req as never, res as never, { ...authOptions, secret: process.env.NEXTAUTH_SECRET });
  return { status, body: sent, headers };
}
