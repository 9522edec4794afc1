"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchema } from "@/lib/password-reset/schema";
import { AuthSubmit, NewPasswordField, ReadOnlyEmail } from "../../../_components/auth-fields";
import { signInAndGo } from "../../../_components/sign-in-and-go";
import { setNewPassword } from "../actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { token, password: "" },
    action: setNewPassword,
    leavesPage: true,
    onSuccess: (result, { password }) => signInAndGo(router, { email: result.email, password }, { to: "/", otherwise: "/sign-in" }),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      <ReadOnlyEmail id="reset-email" email={email} />
      <NewPasswordField control={form.control} name="password" id="reset-password" label="New password" autoFocus />
      <AuthSubmit pending={pending} label="Set new password" pendingText="Setting your new password…" />
    </form>
  );
}
