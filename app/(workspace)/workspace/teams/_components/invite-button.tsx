"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { toast } from "sonner";

import { invite } from "../actions";
import { RoleSelect } from "./role-select";
import { inviteCollaboratorSchema } from "@/lib/workspace/schemas";
import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { CopyButton } from "@/components/customers/copy-button";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Field = "name" | "email" | "roleId";
type Errors = Partial<Record<Field | "form", string>>;

/** **Invite collaborator** (rule U19): by email, with a role. */
export function InviteButton({ roles }: { roles: WorkspaceRoleOption[] }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [fields, setFields] = React.useState({ name: "", email: "", roleId: "" });
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, setPending] = React.useState(false);
  // The one-time link of the invitation just made: shown once, to pass on to the person.
  const [link, setLink] = React.useState<string | null>(null);

  function start() {
    setFields({ name: "", email: "", roleId: "" });
    setErrors({});
    setLink(null);
    setOpen(true);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = inviteCollaboratorSchema.safeParse({ ...fields, roleId: fields.roleId ? Number(fields.roleId) : Number.NaN });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      return setErrors(next);
    }
    setPending(true);
    const result = await invite(parsed.data);
    setPending(false);
    if (!result.ok) {
      const fieldErrors = result.fieldErrors ?? {};
      return setErrors({ name: fieldErrors.name?.[0], email: fieldErrors.email?.[0], roleId: fieldErrors.roleId?.[0], form: Object.keys(fieldErrors).length ? undefined : result.error });
    }
    router.refresh();
    if (result.data.outcome === "added") {
      toast.success(`${parsed.data.name} joined the team.`);
      return setOpen(false);
    }
    toast.success(`Invitation created for ${parsed.data.email}.`);
    setLink(new URL(result.data.invitationPath, window.location.origin).href);
  }

  const field = (name: Field) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `invite-${name}-error` : undefined,
  });

  return (
    <>
      <Button onClick={start}>
        <UserPlus aria-hidden="true" />
        Invite collaborator
      </Button>
      <Dialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
        <DialogContent>
          {link ? (
            <div className="grid gap-4">
              <DialogHeader>
                <DialogTitle>Copy the invitation link</DialogTitle>
                <DialogDescription>
                  Send this link to {fields.email.trim()}: it creates their account and works once, for 14 days. It is shown only now.
                </DialogDescription>
              </DialogHeader>
              <div className="grid gap-2">
                <Label htmlFor="invite-link">Invitation link</Label>
                <div className="flex items-center gap-2">
                  <Input id="invite-link" readOnly value={link} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
                  <CopyButton value={link} label="Copy invitation link" copiedMessage="Invitation link copied." />
                </div>
              </div>
              <div className="flex justify-end">
                <Button onClick={() => setOpen(false)}>Done</Button>
              </div>
            </div>
          ) : (
          <form noValidate onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Invite collaborator</DialogTitle>
              <DialogDescription>Someone with an account joins at once; anyone else gets an invitation.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor="invite-name">Name</Label>
              <Input id="invite-name" value={fields.name} maxLength={100} onChange={(event) => setFields({ ...fields, name: event.target.value })} {...field("name")} />
              <FieldError id="invite-name-error">{errors.name}</FieldError>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="invite-email">Email</Label>
              <Input id="invite-email" type="email" value={fields.email} maxLength={320} onChange={(event) => setFields({ ...fields, email: event.target.value })} {...field("email")} />
              <FieldError id="invite-email-error">{errors.email}</FieldError>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="invite-role">Role</Label>
              <RoleSelect id="invite-role" roles={roles} value={fields.roleId} onChange={(roleId) => setFields({ ...fields, roleId })} errorId={errors.roleId ? "invite-roleId-error" : undefined} />
              <FieldError id="invite-roleId-error">{errors.roleId}</FieldError>
            </div>
            <FieldError>{errors.form}</FieldError>
            <DialogFormFooter submitLabel="Invite collaborator" pending={pending} onCancel={() => setOpen(false)} />
          </form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
