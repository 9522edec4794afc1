"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchema } from "@/lib/password-reset/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
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
      <div className="flex flex-col gap-2">
        <Label htmlFor="reset-email">Email</Label>
        <Input id="reset-email" type="email" autoComplete="username" readOnly value={email} />
      </div>
      <TextField
        control={form.control}
        name="password"
        id="reset-password"
        label="New password"
        description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        type="password"
        autoComplete="new-password"
        autoFocus
        className="gap-2"
      />
      <Button type="submit" className="w-full" pending={pending}>
        Set new password
      </Button>
      <p role="status" className="sr-only">
        {pending ? "Setting your new password…" : ""}
      </p>
    </form>
  );
}
