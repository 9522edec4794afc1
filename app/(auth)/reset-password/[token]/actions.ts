"use server";

import { failureOf, type ActionResult } from "@/lib/transport/action";
import { requestMeta } from "@/lib/auth/session";
import { resetPassword } from "@/lib/password-reset/reset";

/** **Set new password** with a reset link: the link is the key; the command checks the input and the link. */
export async function setNewPassword(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    return { ok: true, data: await resetPassword(input, await requestMeta()) };
  } catch (error) {
    return failureOf(error);
  }
}
