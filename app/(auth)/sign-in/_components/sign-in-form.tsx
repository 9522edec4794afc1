"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

import { safeCallbackPath } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type SignInFormProps = {
  /** Where to go after signing in; only a path on this site is followed, otherwise the person's home. */
  callbackUrl?: string;
  /** A message to show on arrival (from the URL's `error` code, already translated by the page). */
  initialError?: string;
};

type Fields = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

// The same shape browsers accept for type="email": something@domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate({ email, password }: Fields): FieldErrors {
  const errors: FieldErrors = {};
  const trimmed = email.trim();
  if (!trimmed) errors.email = "Enter your email address.";
  else if (!EMAIL_PATTERN.test(trimmed))
    errors.email = "Enter an email address in the format name@example.com.";
  if (!password) errors.password = "Enter your password.";
  return errors;
}

/** Turns what NextAuth reports into a sentence for the person. */
function signInErrorMessage(error: string): string {
  if (error === "CredentialsSignin") return "Wrong email or password.";
  // The server sends readable messages (a rate-limit notice, say); show them as they are.
  return error;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const router = useRouter();
  const [fields, setFields] = React.useState<Fields>({ email: "", password: "" });
  const [fieldErrors, setFieldErrors] = React.useState<FieldErrors>({});
  const [formError, setFormError] = React.useState<string | undefined>(initialError);
  const [pending, setPending] = React.useState(false);
  const [submitted, setSubmitted] = React.useState(false);

  const emailRef = React.useRef<HTMLInputElement>(null);
  const passwordRef = React.useRef<HTMLInputElement>(null);

  function update(name: keyof Fields, value: string) {
    const next = { ...fields, [name]: value };
    setFields(next);
    // After a first attempt, errors follow what the person types.
    if (submitted) setFieldErrors(validate(next));
  }

  async function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);

    const errors = validate(fields);
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      setFormError(undefined);
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setPending(true);
    setFormError(undefined);
    try {
      const result = await signIn("credentials", {
        email: fields.email.trim(),
        password: fields.password,
        redirect: false,
      });

      if (!result || result.error) {
        setFormError(
          result?.error ? signInErrorMessage(result.error) : "Sign-in failed. Try again.",
        );
        setFields((current) => ({ ...current, password: "" }));
        setPending(false);
        passwordRef.current?.focus();
        return;
      }

      // Stay pending while the console loads. Without a destination, "/" sends each person to its home: the
      // partner console, or a customer's own collaborator to its workspace.
      router.replace(safeCallbackPath(callbackUrl, "/"));
      router.refresh();
    } catch {
      setFormError("Sign-in failed: the server could not be reached. Try again.");
      setPending(false);
    }
  }

  const emailErrorId = "sign-in-email-error";
  const passwordErrorId = "sign-in-password-error";

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>

      <div className="flex flex-col gap-2">
        <Label htmlFor="sign-in-email">Email</Label>
        <Input
          ref={emailRef}
          id="sign-in-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={fields.email}
          onChange={(event) => update("email", event.target.value)}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? emailErrorId : undefined}
        />
        <FieldError id={emailErrorId}>{fieldErrors.email}</FieldError>
      </div>

      <div className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between">
          <Label htmlFor="sign-in-password">Password</Label>
          <Link href="/forgot-password" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        </div>
        <Input
          ref={passwordRef}
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={fields.password}
          onChange={(event) => update("password", event.target.value)}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? passwordErrorId : undefined}
        />
        <FieldError id={passwordErrorId}>{fieldErrors.password}</FieldError>
      </div>

      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Signing in…" : ""}
      </p>
    </form>
  );
}
