"use client";

import { useRouter } from "next/navigation";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptTeamInvitationSchema } from "@/lib/partner-team/accept-schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";
import { signInAndGo } from "../../../_components/sign-in-and-go";
import { acceptTeamInvitationLink } from "../actions";

type AcceptValues = { token: string; name?: string; password?: string };

/** A new person must give both; someone signed in with the invited email gives neither. */
const newPersonSchema: z.ZodType<AcceptValues, AcceptValues> = acceptTeamInvitationSchema.required({ name: true, password: true });
const signedInSchema: z.ZodType<AcceptValues, AcceptValues> = acceptTeamInvitationSchema.pick({ token: true });

/** **Accept invitation**: a signed-in person with the invited email accepts at once; a new one gives a name and a password. */
export function AcceptForm({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signedIn ? signedInSchema : newPersonSchema,
    defaultValues: signedIn ? { token } : { token, name: "", password: "" },
    action: acceptTeamInvitationLink,
    leavesPage: true,
    onSuccess: async (result, values) => {
      if (values.password) {
        return signInAndGo(router, { email: result.email, password: values.password }, { to: "/", otherwise: "/sign-in" });
      }
      router.replace("/");
      // The invitation changed what the session may see (a new partner membership); no page revalidated it.
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormAlert>{formError}</FormAlert>
      {signedIn ? null : (
        <>
          <div className="flex flex-col gap-2">
            <Label htmlFor="accept-email">Email</Label>
            <Input id="accept-email" type="email" autoComplete="username" readOnly value={email} />
          </div>
          <TextField control={form.control} name="name" id="accept-name" label="Name" autoComplete="name" maxLength={100} autoFocus className="gap-2" />
          <TextField
            control={form.control}
            name="password"
            id="accept-password"
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            type="password"
            autoComplete="new-password"
            className="gap-2"
          />
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
