import { redirect } from "next/navigation";
import { getSessionContext, homePath } from "@/lib/auth/session";

/** Where a signed-in person starts: the partner console, or the customer workspace it is in. */
export default async function Home() {
  const ctx = await getSessionContext();
  redirect(ctx ? homePath(ctx) : "/sign-in");
}
