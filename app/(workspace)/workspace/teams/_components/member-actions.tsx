"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Pencil, UserMinus } from "lucide-react";
import { toast } from "sonner";

import { changeRole, remove } from "../actions";
import { RoleSelect } from "./role-select";
import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";

export type TeamMemberSummary = { userId: number; name: string; roleId: number; isCustomerManager: boolean; managerRoleName: string | null };

/**
 * A direct collaborator's ⋮ menu: **Change role** and **Remove from team**. For a customer manager who was also
 * invited directly, only **Remove direct invitation** (its manager role then applies, rule C12); a customer
 * manager's assignment itself is never editable here (rule C6), so manager-only rows get no menu at all.
 */
export function MemberActions({ member, roles }: { member: TeamMemberSummary; roles: WorkspaceRoleOption[] }) {
  const router = useRouter();
  const [changing, setChanging] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const [roleId, setRoleId] = React.useState(String(member.roleId));
  const [error, setError] = React.useState<string | undefined>();
  const [pending, setPending] = React.useState(false);
  const removeLabel = member.isCustomerManager ? "Remove direct invitation" : "Remove from team";

  async function saveRole(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await changeRole({ userId: member.userId, roleId: Number(roleId) });
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.roleId?.[0] ?? result.error);
    toast.success(`${member.name}'s role changed.`);
    setChanging(false);
    router.refresh();
  }

  async function confirmRemove() {
    const result = await remove({ userId: member.userId });
    if (!result.ok) {
      toast.error(result.error);
      throw new Error(result.error);
    }
    toast.success(result.data.managerRoleApplies ? `${member.name} now has the customer manager role.` : `${member.name} was removed from the team.`);
    router.refresh();
  }

  return (
    <>
      <RowActionsMenu name={member.name}>
        {member.isCustomerManager ? null : (
          <DropdownMenuItem
            onSelect={() => {
              setRoleId(String(member.roleId));
              setError(undefined);
              setChanging(true);
            }}
          >
            <Pencil aria-hidden="true" />
            Change role
          </DropdownMenuItem>
        )}
        <DropdownMenuItem variant="destructive" onSelect={() => setRemoving(true)}>
          <UserMinus aria-hidden="true" />
          {removeLabel}
        </DropdownMenuItem>
      </RowActionsMenu>
      <Dialog open={changing} onOpenChange={(next) => (pending ? undefined : setChanging(next))}>
        <DialogContent>
          <form onSubmit={saveRole} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Change role</DialogTitle>
              <DialogDescription>{member.name}&apos;s role in this account.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor="member-role">Role</Label>
              <RoleSelect id="member-role" roles={roles} value={roleId} onChange={setRoleId} errorId={error ? "member-role-error" : undefined} />
              <FieldError id="member-role-error">{error}</FieldError>
            </div>
            <DialogFormFooter submitLabel="Save" pending={pending} onCancel={() => setChanging(false)} />
          </form>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title={removeLabel}
        description={
          member.isCustomerManager
            ? `${member.name} stays in this account as a customer manager, with the role ${member.managerRoleName ?? "its manager role"}.`
            : `${member.name} will no longer be able to enter this account. The work done here stays.`
        }
        confirmLabel={removeLabel}
        destructive
        onConfirm={confirmRemove}
      />
    </>
  );
}
