"use client";

import { useRouter } from "next/navigation";

import { signUpWithLink } from "../actions";
import { signInAndGo } from "../../../_components/sign-in-and-go";
import { AuthSubmit, NewPasswordField, ReadOnlyEmail } from "../../../_components/auth-fields";
import { invitationSignUpSchema } from "@/lib/workspace-team/sign-up-schema";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert } from "@/components/ui/field-error";

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
      <ReadOnlyEmail id="sign-up-email" email={email} />
      <TextField control={form.control} name="name" id="sign-up-name" label="Name" autoComplete="name" maxLength={100} className="gap-2" />
      <NewPasswordField control={form.control} name="password" id="sign-up-password" autoFocus />
      <AuthSubmit pending={pending} label="Create account and join" pendingText="Creating your account…" />
    </form>
  );
}
