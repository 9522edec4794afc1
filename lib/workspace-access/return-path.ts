import "server-only";
import { cookies } from "next/headers";
import { returnPathSchema } from "./switch-schema";
import { switchTimeLimitMinutes } from "./switch";

/*
 * The page a switch was made from, kept in a cookie of its own for **Return to partner account** (issue 12): it is
 * only a place to navigate to, so it needs no row in the database, and it is read back through the same schema
 * (a cookie is input too).
 */
const RETURN_COOKIE = "switch-return-to";

export async function rememberReturnPath(path: string): Promise<void> {
  const jar = await cookies();
  jar.set(RETURN_COOKIE, path, { httpOnly: true, sameSite: "lax", path: "/", maxAge: switchTimeLimitMinutes() * 60 });
}

/** The remembered page, forgotten as it is read; "/customers" when there is none. */
export async function takeReturnPath(): Promise<string> {
  const jar = await cookies();
  const kept = returnPathSchema.safeParse(jar.get(RETURN_COOKIE)?.value);
  if (jar.has(RETURN_COOKIE)) jar.delete(RETURN_COOKIE);
  return kept.success ? kept.data : "/customers";
}
