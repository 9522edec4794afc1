"use client";

import type { Control, FieldValues, Path } from "react-hook-form";
import { TextField } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";

type FieldProps<Values extends FieldValues> = {
  control: Control<Values, unknown, Values>;
  name: Path<Values>;
  id: string;
  autoFocus?: boolean;
  required?: boolean;
};

/** The email a link was sent to, shown as the account's user name (password managers keep it with the password). */
export function ReadOnlyEmail({ id, email }: { id: string; email: string }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>Email</Label>
      <Input id={id} type="email" autoComplete="username" readOnly value={email} />
    </div>
  );
}

/** The email a person signs in with (and asks a new password for). */
export function EmailField<Values extends FieldValues>(props: FieldProps<Values>) {
  return (
    <TextField {...props} label="Email" type="email" inputMode="email" autoComplete="username" autoCapitalize="none" spellCheck={false} className="gap-2" />
  );
}

/** A password being chosen, with its one rule said under it. */
export function NewPasswordField<Values extends FieldValues>({ label = "Password", ...props }: FieldProps<Values> & { label?: string }) {
  return (
    <TextField
      {...props}
      label={label}
      description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      type="password"
      autoComplete="new-password"
      className="gap-2"
    />
  );
}

/** The form's one button, and what it is doing said to a screen reader while it is pending. */
export function AuthSubmit({ pending, label, pendingText }: { pending: boolean; label: string; pendingText: string }) {
  return (
    <>
      <Button type="submit" className="w-full" pending={pending}>
        {label}
      </Button>
      <p role="status" className="sr-only">
        {pending ? pendingText : ""}
      </p>
    </>
  );
}
