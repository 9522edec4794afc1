"use client";

import { useRouter } from "next/navigation";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/field-error";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptTeamInvitationSchema } from "@/lib/partner-team/accept-schema";
import { AuthSubmit, NewPasswordField, ReadOnlyEmail } from "../../../_components/auth-fields";
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
          <ReadOnlyEmail id="accept-email" email={email} />
          <TextField control={form.control} name="name" id="accept-name" label="Name" autoComplete="name" maxLength={100} autoFocus className="gap-2" />
          <NewPasswordField control={form.control} name="password" id="accept-password" />
        </>
      )}
      <AuthSubmit pending={pending} label={signedIn ? "Accept invitation" : "Create account and join"} pendingText="Joining the team…" />
    </form>
  );
}
