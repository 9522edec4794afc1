"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { acceptTeamInvitationSchema } from "@/lib/partner-team/accept-schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
import { acceptTeamInvitationLink } from "../actions";

type Field = "name" | "password";
type Errors = Partial<Record<Field | "form", string>>;

/** **Accept invitation**: a signed-in person with the invited email accepts at once; a new one gives a name and a password. */
export function AcceptForm({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const router = useRouter();
  const [fields, setFields] = React.useState({ name: "", password: "" });
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const input = signedIn ? { token } : { token, ...fields };
    const parsed = acceptTeamInvitationSchema.safeParse(input);
    const missing: Errors = signedIn ? {} : { ...(fields.name.trim() ? {} : { name: "Enter your name." }), ...(fields.password ? {} : { password: "Choose a password." }) };
    if (!parsed.success || Object.keys(missing).length > 0) {
      const next: Errors = { ...missing };
      for (const issue of parsed.success ? [] : parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      return setErrors(next);
    }
    setPending(true);
    setErrors({});
    try {
      const result = await acceptTeamInvitationLink(parsed.data);
      if (!result.ok) {
        setPending(false);
        return setErrors({ name: result.fieldErrors?.name?.[0], password: result.fieldErrors?.password?.[0], form: result.error });
      }
      if (signedIn) {
        router.replace("/");
        router.refresh();
        return;
      }
      const signedInNow = await signIn("credentials", { email: result.data.email, password: fields.password, redirect: false });
      router.replace(!signedInNow || signedInNow.error ? "/sign-in" : "/");
      router.refresh();
    } catch {
      setPending(false);
      setErrors({ form: "The server could not be reached. Try again." });
    }
  }

  const field = (name: Field) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `accept-${name}-error` : undefined,
  });

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{errors.form}</FormAlert>
      {signedIn ? null : (
        <>
          <div className="flex flex-col gap-2">
            <Label htmlFor="accept-email">Email</Label>
            <Input id="accept-email" type="email" autoComplete="username" readOnly value={email} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="accept-name">Name</Label>
            <Input id="accept-name" autoComplete="name" maxLength={100} autoFocus value={fields.name} onChange={(event) => setFields({ ...fields, name: event.target.value })} {...field("name")} />
            <FieldError id="accept-name-error">{errors.name}</FieldError>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="accept-password">Password</Label>
            <Input
              id="accept-password"
              type="password"
              autoComplete="new-password"
              value={fields.password}
              onChange={(event) => setFields({ ...fields, password: event.target.value })}
              {...field("password")}
            />
            <p className="text-xs text-muted-foreground">At least {MIN_PASSWORD_LENGTH} characters.</p>
            <FieldError id="accept-password-error">{errors.password}</FieldError>
          </div>
        </>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        {signedIn ? "Accept invitation" : "Create account and join"}
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Joining the team…" : ""}
      </p>
    </form>
  );
}
