"use server";

import { headers } from "next/headers";
import { failureOf, type ActionResult } from "@/lib/transport/action";
import { signUpWithInvitation } from "@/lib/workspace-team/invitation-sign-up";

/** Creates the account of an invited person (rule U19); the input is checked with zod by the command. */
export async function signUpWithLink(input: unknown): Promise<ActionResult<{ email: string }>> {
  const request = await headers();
  const meta = {
    ip: request.get("x-forwarded-for")?.split(",")[0]?.trim() || request.get("x-real-ip"),
    userAgent: request.get("user-agent"),
  };
  try {
    return { ok: true, data: await signUpWithInvitation(input, meta) };
  } catch (error) {
    return failureOf(error);
  }
}
