"use server";

import { failureOf, type ActionResult } from "@/lib/transport/action";
import { requestMeta } from "@/lib/auth/session";
import { requestPasswordReset } from "@/lib/password-reset/request";
import { RESET_REQUESTED } from "@/lib/password-reset/schema";

/** **Forgot password?**: the same answer whether or not the email has an account (the command checks the input). */
export async function forgotPassword(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await requestPasswordReset(input, await requestMeta());
    return { ok: true, data: { message: RESET_REQUESTED } };
  } catch (error) {
    return failureOf(error);
  }
}
