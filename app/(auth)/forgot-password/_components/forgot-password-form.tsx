"use client";

import * as React from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field-error";
import { EmailField } from "../../_components/auth-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { forgotPasswordSchema } from "@/lib/password-reset/schema";
import { forgotPassword } from "../actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = React.useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: forgotPasswordSchema,
    defaultValues: { email: "" },
    action: forgotPassword,
    onSuccess: (result) => setSent(result.message),
  });

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
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      <EmailField control={form.control} name="email" id="forgot-email" autoFocus />
      <Button type="submit" className="w-full" pending={pending}>
        Email me a link
      </Button>
      <Link href="/sign-in" className="text-center text-sm text-muted-foreground underline-offset-4 hover:underline">
        Back to sign-in
      </Link>
    </form>
  );
}
