"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { resetPasswordSchema } from "@/lib/password-reset/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
import { setNewPassword } from "../actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [password, setPassword] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const parsed = resetPasswordSchema.safeParse({ token, password });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Choose a password.");
    setPending(true);
    setError(null);
    setFormError(null);
    try {
      const result = await setNewPassword(parsed.data);
      if (!result.ok) {
        setPending(false);
        if (result.fieldErrors?.password) return setError(result.fieldErrors.password[0] ?? result.error);
        return setFormError(result.error);
      }
      const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
      router.replace(!signedIn || signedIn.error ? "/sign-in" : "/");
      router.refresh();
    } catch {
      setPending(false);
      setFormError("The server could not be reached. Try again.");
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      <div className="flex flex-col gap-2">
        <Label htmlFor="reset-email">Email</Label>
        <Input id="reset-email" type="email" autoComplete="username" readOnly value={email} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="reset-password">New password</Label>
        <Input
          id="reset-password"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reset-password-error" : undefined}
        />
        <p className="text-xs text-muted-foreground">At least {MIN_PASSWORD_LENGTH} characters.</p>
        <FieldError id="reset-password-error">{error}</FieldError>
      </div>
      <Button type="submit" className="w-full" pending={pending}>
        Set new password
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Setting your new password…" : ""}
      </p>
    </form>
  );
}
