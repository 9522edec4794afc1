"use client";

import * as React from "react";
import { UserPlus } from "lucide-react";

import { ManagerDialog, type ManagerDialogMode } from "@/app/(console)/customer-managers/_components/manager-dialog";
import type { RoleOption } from "@/lib/customer-managers/options";
import { Button } from "@/components/ui/button";

/**
 * The way in for a partner admin who may not enter this customer (rule U18): make itself one of its customer
 * managers, visible to the customer, tagged and audited. Opens **Assign customer manager** filled with the admin
 * and this customer (or **Edit customer manager** with this customer added, when it already manages others).
 */
export function AssignSelfButton({
  customer,
  me,
  managerId,
  roles,
}: {
  customer: { id: number; name: string };
  me: { id: number; name: string; email: string };
  /** The admin's own assignment, when it already manages other customers. */
  managerId: number | null;
  roles: RoleOption[];
}) {
  const [open, setOpen] = React.useState(false);
  const mode = React.useMemo<ManagerDialogMode>(() => {
    const customers = [{ id: customer.id, name: customer.name }];
    if (managerId !== null) return { kind: "edit", managerId, person: { name: me.name, email: me.email }, preset: { customers } };
    const admin = roles.find((role) => role.kind === "system" && role.name === "Admin");
    return { kind: "assign", preset: { person: me, customers, roleId: admin?.id } };
  }, [customer.id, customer.name, managerId, me, roles]);
  return (
    <div className="flex max-w-xs flex-col items-end gap-1.5 text-right">
      <Button variant="outline" onClick={() => setOpen(true)}>
        <UserPlus aria-hidden="true" />
        Assign yourself as customer manager
      </Button>
      <p className="text-xs text-muted-foreground">Partner admins enter a customer account only as one of its customer managers, whom the customer sees.</p>
      <ManagerDialog mode={mode} roles={roles} open={open} onOpenChange={setOpen} />
    </div>
  );
}
