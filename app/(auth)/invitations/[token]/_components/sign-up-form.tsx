"use client";

import { useRouter } from "next/navigation";

import { signUpWithLink } from "../actions";
import { signInAndGo } from "../../../_components/sign-in-and-go";
import { invitationSignUpSchema, MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Name and password for the invited email; on success the person is signed in and lands in the workspace. */
export function SignUpForm({ token, email, defaultName }: { token: string; email: string; defaultName: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: invitationSignUpSchema,
    defaultValues: { token, name: defaultName, password: "" },
    action: signUpWithLink,
    leavesPage: true,
    onSuccess: (result, { password }) =>
      signInAndGo(router, { email: result.email, password }, { to: "/workspace", otherwise: "/sign-in?callbackUrl=%2Fworkspace" }),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sign-up-email">Email</Label>
        <Input id="sign-up-email" type="email" autoComplete="username" readOnly value={email} />
      </div>
      <TextField control={form.control} name="name" id="sign-up-name" label="Name" autoComplete="name" maxLength={100} className="gap-2" />
      <TextField
        control={form.control}
        name="password"
        id="sign-up-password"
        label="Password"
        description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        type="password"
        autoComplete="new-password"
        autoFocus
        className="gap-2"
      />
      <Button type="submit" className="w-full" pending={pending}>
        Create account and join
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Creating your account…" : ""}
      </p>
    </form>
  );
}
