"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

import { signUpWithLink } from "../actions";
import { invitationSignUpSchema, MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Field = "name" | "password";
type Errors = Partial<Record<Field | "form", string>>;

/** Name and password for the invited email; on success the person is signed in and lands in the workspace. */
export function SignUpForm({ token, email, defaultName }: { token: string; email: string; defaultName: string }) {
  const router = useRouter();
  const [fields, setFields] = React.useState({ name: defaultName, password: "" });
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const parsed = invitationSignUpSchema.safeParse({ token, ...fields });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      return setErrors(next);
    }
    setPending(true);
    setErrors({});
    try {
      const result = await signUpWithLink(parsed.data);
      if (!result.ok) {
        setPending(false);
        return setErrors({ name: result.fieldErrors?.name?.[0], password: result.fieldErrors?.password?.[0], form: result.error });
      }
      const signedIn = await signIn("credentials", { email: result.data.email, password: fields.password, redirect: false });
      if (!signedIn || signedIn.error) {
        // The account exists now; only the automatic sign-in failed.
        router.replace("/sign-in?callbackUrl=%2Fworkspace");
        return;
      }
      router.replace("/workspace");
      router.refresh();
    } catch {
      setPending(false);
      setErrors({ form: "The server could not be reached. Try again." });
    }
  }

  const field = (name: Field) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `sign-up-${name}-error` : undefined,
  });

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{errors.form}</FormAlert>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sign-up-email">Email</Label>
        <Input id="sign-up-email" type="email" autoComplete="username" readOnly value={email} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sign-up-name">Name</Label>
        <Input id="sign-up-name" autoComplete="name" maxLength={100} value={fields.name} onChange={(event) => setFields({ ...fields, name: event.target.value })} {...field("name")} />
        <FieldError id="sign-up-name-error">{errors.name}</FieldError>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sign-up-password">Password</Label>
        <Input
          id="sign-up-password"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={fields.password}
          onChange={(event) => setFields({ ...fields, password: event.target.value })}
          {...field("password")}
        />
        <p className="text-xs text-muted-foreground">At least {MIN_PASSWORD_LENGTH} characters.</p>
        <FieldError id="sign-up-password-error">{errors.password}</FieldError>
      </div>
      <Button type="submit" className="w-full" pending={pending}>
        Create account and join
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Creating your account…" : ""}
      </p>
    </form>
  );
}
