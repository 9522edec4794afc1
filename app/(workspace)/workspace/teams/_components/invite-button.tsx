"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { toast } from "sonner";

import { invite } from "../actions";
import { RoleSelect } from "./role-select";
import { inviteCollaboratorSchema } from "@/lib/workspace/schemas";
import type { WorkspaceRoleOption } from "@/lib/workspace/team";
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

  function start() {
    setFields({ name: "", email: "", roleId: "" });
    setErrors({});
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
    toast.success(result.data.outcome === "added" ? `${parsed.data.name} joined the team.` : `Invitation sent to ${parsed.data.email}.`);
    setOpen(false);
    router.refresh();
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
        </DialogContent>
      </Dialog>
    </>
  );
}
