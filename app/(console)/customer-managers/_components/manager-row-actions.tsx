"use client";

import * as React from "react";
import { Pencil, UserMinus } from "lucide-react";

import { removeManager } from "../actions";
import { ManagerDialog } from "./manager-dialog";
import { plural } from "@/lib/format";
import type { RoleOption } from "@/lib/customer-managers/options";
import { confirmed } from "@/components/forms/confirmed";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";

export type ManagerSummary = {
  id: number;
  name: string;
  email: string;
  manageAll: boolean;
  customerCount: number;
  /** The customer account it is switched into right now, which removing it ends. */
  inAccountNow: string | null;
};

/** The ⋮ menu of a manager (rule C9): **Edit customer manager** and **Remove customer manager**. */
export function ManagerRowActions({ manager, roles }: { manager: ManagerSummary; roles: RoleOption[] }) {
  const [editing, setEditing] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const loses = manager.manageAll ? "access to every customer account" : `access to ${plural(manager.customerCount, "customer account")}`;
  // Said only when it is true: a manager who never switched in is in no account.
  const inside = manager.inAccountNow ? `, including ${manager.inAccountNow}'s account, which it is in right now` : "";

  const remove = () =>
    confirmed(
      () => removeManager({ id: manager.id }),
      () => `${manager.name} is no longer a customer manager.`,
    );

  return (
    <>
      <RowActionsMenu name={manager.name}>
        <DropdownMenuItem onSelect={() => setEditing(true)}>
          <Pencil aria-hidden="true" />
          Edit customer manager
        </DropdownMenuItem>
        <DropdownMenuItem variant="destructive" onSelect={() => setRemoving(true)}>
          <UserMinus aria-hidden="true" />
          Remove customer manager
        </DropdownMenuItem>
      </RowActionsMenu>
      <ManagerDialog
        mode={{ kind: "edit", managerId: manager.id, person: { name: manager.name, email: manager.email } }}
        roles={roles}
        open={editing}
        onOpenChange={setEditing}
      />
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title="Remove customer manager"
        description={`${manager.name} will lose ${loses} at once${inside}. Direct invitations to customer teams stay, and so does the work it did there.`}
        confirmLabel="Remove customer manager"
        destructive
        onConfirm={remove}
      />
    </>
  );
}
