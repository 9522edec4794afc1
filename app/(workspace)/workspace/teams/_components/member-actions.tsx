"use client";

import * as React from "react";
import { Pencil, UserMinus } from "lucide-react";

import { changeRole, remove } from "../actions";
import { RoleSelect } from "./role-select";
import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import { FormAlert } from "@/components/ui/field-error";
import { FormField } from "@/components/forms/form-field";
import { confirmed } from "@/components/forms/confirmed";
import { useActionForm } from "@/components/forms/use-action-form";
import { changeRoleSchema } from "@/lib/workspace/schemas";

export type TeamMemberSummary = { userId: number; name: string; roleId: number; isCustomerManager: boolean; managerRoleName: string | null };

/**
 * A direct collaborator's ⋮ menu: **Change role** and **Remove from team**. For a customer manager who was also
 * invited directly, only **Remove direct invitation** (its manager role then applies, rule C12); a customer
 * manager's assignment itself is never editable here (rule C6), so manager-only rows get no menu at all.
 */
export function MemberActions({ member, roles }: { member: TeamMemberSummary; roles: WorkspaceRoleOption[] }) {
  const [changing, setChanging] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const removeLabel = member.isCustomerManager ? "Remove direct invitation" : "Remove from team";
  const { form, onSubmit, pending, formError, reset } = useActionForm({
    schema: changeRoleSchema,
    defaultValues: { userId: member.userId, roleId: member.roleId },
    action: changeRole,
    success: () => `${member.name}'s role changed.`,
    onSuccess: () => setChanging(false),
  });

  return (
    <>
      <RowActionsMenu name={member.name}>
        {member.isCustomerManager ? null : (
          <DropdownMenuItem
            onSelect={() => {
              reset({ userId: member.userId, roleId: member.roleId });
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
          <form noValidate onSubmit={onSubmit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Change role</DialogTitle>
              <DialogDescription>{member.name}&apos;s role in this account.</DialogDescription>
            </DialogHeader>
            <FormField control={form.control} name="roleId" id="member-role" label="Role">
              {({ name: _name, disabled: _disabled, ...field }) => <RoleSelect roles={roles} {...field} />}
            </FormField>
            <FormAlert>{formError}</FormAlert>
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
        onConfirm={() =>
          confirmed(
            () => remove({ userId: member.userId }),
            (data) => (data.managerRoleApplies ? `${member.name} now has the customer manager role.` : `${member.name} was removed from the team.`),
          )
        }
      />
    </>
  );
}
