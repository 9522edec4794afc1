import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { SESSION_MAX_AGE_SECONDS, signInWithPassword } from "./sign-in";
import { revokeSession } from "./session-store";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

/**
 * next-auth carries only an opaque session secret in its encrypted cookie; who the person is and what it may do is
 * read from the database on every request (lib/auth/session.ts), so revocation is immediate.
 */
export const authOptions: NextAuthOptions = {
  secret: env("NEXTAUTH_SECRET"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const forwarded = header(req.headers, "x-forwarded-for")?.split(",")[0]?.trim();
        try {
          const signedIn = await signInWithPassword(credentials, {
            ip: forwarded || header(req.headers, "x-real-ip"),
            userAgent: header(req.headers, "user-agent"),
          });
          return { id: String(signedIn.userId), name: signedIn.name, email: signedIn.email, sid: signedIn.sessionSecret };
        } catch (error) {
          if (error instanceof DomainError && error.code === "UNAUTHENTICATED") return null;
          if (error instanceof DomainError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid;
      return token;
    },
    // The browser sees a name and an email, never the session secret.
    session({ session }) {
      return { expires: session.expires, user: { name: session.user?.name, email: session.user?.email } };
    },
  },
  events: {
    async signOut({ token }) {
      if (token && typeof token.sid === "string") await revokeSession(token.sid);
    },
  },
};
