"use client";

import * as React from "react";
import { UserPlus } from "lucide-react";

import { invite } from "../actions";
import { RoleSelect } from "./role-select";
import { inviteCollaboratorSchema } from "@/lib/workspace/schemas";
import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { CopyButton } from "@/components/customers/copy-button";
import { FormField, TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** **Invite collaborator** (rule U19): by email, with a role. */
export function InviteButton({ roles }: { roles: WorkspaceRoleOption[] }) {
  const [open, setOpen] = React.useState(false);
  // The one-time link of the invitation just made (and to whom): shown once, to pass on to the person.
  const [invited, setInvited] = React.useState<{ link: string; email: string } | null>(null);
  const { form, onSubmit, pending, formError, reset } = useActionForm({
    schema: inviteCollaboratorSchema,
    defaultValues: { name: "", email: "", roleId: Number.NaN },
    action: invite,
    success: (result, values) => (result.outcome === "added" ? `${values.name} joined the team.` : `Invitation created for ${values.email}.`),
    onSuccess: (result, values) => {
      if (result.outcome === "added") setOpen(false);
      else setInvited({ link: new URL(result.invitationPath, window.location.origin).href, email: values.email });
    },
  });

  function start() {
    reset();
    setInvited(null);
    setOpen(true);
  }

  return (
    <>
      <Button onClick={start}>
        <UserPlus aria-hidden="true" />
        Invite collaborator
      </Button>
      <Dialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
        <DialogContent>
          {invited ? (
            <div className="grid gap-4">
              <DialogHeader>
                <DialogTitle>Copy the invitation link</DialogTitle>
                <DialogDescription>
                  Send this link to {invited.email}: it creates their account and works once, for 14 days. It is shown only now.
                </DialogDescription>
              </DialogHeader>
              <div className="grid gap-2">
                <Label htmlFor="invite-link">Invitation link</Label>
                <div className="flex items-center gap-2">
                  <Input id="invite-link" readOnly value={invited.link} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
                  <CopyButton value={invited.link} label="Copy invitation link" copiedMessage="Invitation link copied." />
                </div>
              </div>
              <div className="flex justify-end">
                <Button onClick={() => setOpen(false)}>Done</Button>
              </div>
            </div>
          ) : (
            <form noValidate onSubmit={onSubmit} className="grid gap-4">
              <DialogHeader>
                <DialogTitle>Invite collaborator</DialogTitle>
                <DialogDescription>Someone with an account joins at once; anyone else gets an invitation.</DialogDescription>
              </DialogHeader>
              <TextField control={form.control} name="name" id="invite-name" label="Name" maxLength={100} />
              <TextField control={form.control} name="email" id="invite-email" label="Email" type="email" maxLength={320} />
              <FormField control={form.control} name="roleId" id="invite-role" label="Role">
                {({ name: _name, disabled: _disabled, ...field }) => <RoleSelect roles={roles} {...field} />}
              </FormField>
              <FormAlert>{formError}</FormAlert>
              <DialogFormFooter submitLabel="Invite collaborator" pending={pending} onCancel={() => setOpen(false)} />
            </form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
