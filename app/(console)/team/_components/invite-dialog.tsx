"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { PARTNER_ROLE_LABELS, PARTNER_ROLES, inviteTeamMemberSchema } from "@/lib/partner-team/schema";
import { inviteTeamMemberAction } from "../actions";

/** **Invite team member**: an email and a partner role; the invitation email goes out with a one-time link. */
export function InviteDialog({ open, onOpenChange, onInvited }: { open: boolean; onOpenChange(open: boolean): void; onInvited(): void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<(typeof PARTNER_ROLES)[number]>("member");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reset(next: boolean) {
    if (!next) {
      setEmail("");
      setRole("member");
      setErrors({});
      setFormError(null);
    }
    onOpenChange(next);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteTeamMemberSchema.safeParse({ email, role });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    startTransition(async () => {
      const result = await inviteTeamMemberAction({ email, role });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? null : result.error);
        return;
      }
      toast.success(`Invitation sent to ${parsed.data.email}.`);
      reset(false);
      onInvited();
    });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Invite team member</DialogTitle>
          <DialogDescription>They get an email with a link to join your team. The link works once and expires in 7 days.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="space-y-4">
          {formError ? (
            <p role="alert" className="text-sm text-destructive">
              {formError}
            </p>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="invite-email">Email</Label>
            <Input
              id="invite-email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              autoFocus
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "invite-email-error" : undefined}
            />
            <FieldError id="invite-email-error" errors={errors.email} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="invite-role">Role</Label>
            <select
              id="invite-role"
              value={role}
              onChange={(event) => setRole(event.target.value as (typeof PARTNER_ROLES)[number])}
              className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {PARTNER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {PARTNER_ROLE_LABELS[value]}
                </option>
              ))}
            </select>
            <p className="text-xs text-muted-foreground">Admins manage customers, customer managers, the team and API clients; members can look.</p>
            <FieldError id="invite-role-error" errors={errors.role} />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => reset(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
