"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

import { safeCallbackPath } from "@/lib/utils";
import { credentialsSchema } from "@/lib/auth/credentials-schema";
import type { ActionResult } from "@/lib/transport/action";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { AuthSubmit, EmailField } from "../../_components/auth-fields";
import { FormAlert } from "@/components/ui/field-error";

export type SignInFormProps = {
  /** Where to go after signing in; only a path on this site is followed, otherwise the person's home. */
  callbackUrl?: string;
  /** A message to show on arrival (from the URL's `error` code, already translated by the page). */
  initialError?: string;
};

/** Turns what NextAuth reports into a sentence for the person. */
function signInErrorMessage(error: string): string {
  if (error === "CredentialsSignin") return "Wrong email or password.";
  // The server sends readable messages (a rate-limit notice, say); show them as they are.
  return error;
}

/** NextAuth's sign-in (not a server action), answered as one. */
async function signInWith(credentials: { email: string; password: string }): Promise<ActionResult<null>> {
  try {
    const result = await signIn("credentials", { email: credentials.email.trim(), password: credentials.password, redirect: false });
    if (!result || result.error) return { ok: false, error: result?.error ? signInErrorMessage(result.error) : "Sign-in failed. Try again." };
    return { ok: true, data: null };
  } catch {
    return { ok: false, error: "Sign-in failed: the server could not be reached. Try again." };
  }
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: credentialsSchema,
    defaultValues: { email: "", password: "" },
    action: signInWith,
    initialError,
    // Stay pending while the console loads.
    leavesPage: true,
    onSuccess: () => {
      // Without a destination, "/" sends each person to its home: the partner console, or a customer's own
      // collaborator to its workspace.
      router.replace(safeCallbackPath(callbackUrl, "/"));
      // A new session: every page the router keeps was rendered signed out, and no server action revalidated them.
      router.refresh();
    },
    onFailure: () => {
      form.setValue("password", "");
      form.setFocus("password");
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>

      <EmailField control={form.control} name="email" id="sign-in-email" required autoFocus />
      <TextField
        control={form.control}
        name="password"
        id="sign-in-password"
        label="Password"
        labelAside={
          <Link href="/forgot-password" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        }
        type="password"
        autoComplete="current-password"
        required
        className="gap-2"
      />

      <AuthSubmit pending={pending} label="Sign in" pendingText="Signing in…" />
    </form>
  );
}
