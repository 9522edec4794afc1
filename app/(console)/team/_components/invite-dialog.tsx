"use client";

import { FormField, TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FormAlert } from "@/components/ui/field-error";
import { PARTNER_ROLE_LABELS, PARTNER_ROLES, inviteTeamMemberSchema } from "@/lib/partner-team/schema";
import { inviteTeamMemberAction } from "../actions";

/** **Invite team member**: an email and a partner role; the invitation email goes out with a one-time link. */
export function InviteDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { form, onSubmit, pending, formError, resetOnClose } = useActionForm({
    schema: inviteTeamMemberSchema,
    defaultValues: { email: "", role: "member" },
    action: inviteTeamMemberAction,
    success: (_data, values) => `Invitation sent to ${values.email}.`,
    onSuccess: (): void => close(false),
  });

  const close: (open: boolean) => void = resetOnClose(onOpenChange);

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Invite team member</DialogTitle>
          <DialogDescription>They get an email with a link to join your team. The link works once and expires in 7 days.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          <FormAlert>{formError}</FormAlert>
          <TextField control={form.control} name="email" id="invite-email" label="Email" type="email" autoComplete="off" autoFocus />
          <FormField
            control={form.control}
            name="role"
            id="invite-role"
            label="Role"
            description="Admins manage customers, customer managers, the team and API clients; members can look."
          >
            {(field) => (
              <select
                {...field}
                className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                {PARTNER_ROLES.map((value) => (
                  <option key={value} value={value}>
                    {PARTNER_ROLE_LABELS[value]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <DialogFormFooter submitLabel="Send invitation" pending={pending} onCancel={() => close(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
