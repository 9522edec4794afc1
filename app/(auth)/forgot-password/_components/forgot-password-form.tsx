"use client";

import * as React from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { forgotPasswordSchema } from "@/lib/password-reset/schema";
import { forgotPassword } from "../actions";

export function ForgotPasswordForm() {
  const [email, setEmail] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [formError, setFormError] = React.useState<string | null>(null);
  const [sent, setSent] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const parsed = forgotPasswordSchema.safeParse({ email });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Enter a valid email address.");
    setPending(true);
    setError(null);
    setFormError(null);
    try {
      const result = await forgotPassword(parsed.data);
      if (result.ok) setSent(result.data.message);
      else if (result.fieldErrors?.email) setError(result.fieldErrors.email[0] ?? result.error);
      else setFormError(result.error);
    } catch {
      setFormError("The server could not be reached. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="text-sm">
          {sent}
        </p>
        <Button asChild variant="outline" className="w-full">
          <Link href="/sign-in">Back to sign-in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      <div className="flex flex-col gap-2">
        <Label htmlFor="forgot-email">Email</Label>
        <Input
          id="forgot-email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "forgot-email-error" : undefined}
        />
        <FieldError id="forgot-email-error">{error}</FieldError>
      </div>
      <Button type="submit" className="w-full" pending={pending}>
        Email me a link
      </Button>
      <Link href="/sign-in" className="text-center text-sm text-muted-foreground underline-offset-4 hover:underline">
        Back to sign-in
      </Link>
    </form>
  );
}
