"use client";

import * as React from "react";
import { Plus } from "lucide-react";

import { ManagerDialog } from "./manager-dialog";
import type { RoleOption } from "@/lib/customer-managers/options";
import { Button } from "@/components/ui/button";

/** **+ Assign customer manager**, top right of the tab (rule C3). */
export function AssignManagerButton({ roles }: { roles: RoleOption[] }) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Assign customer manager
      </Button>
      <ManagerDialog mode={{ kind: "assign" }} roles={roles} open={open} onOpenChange={setOpen} />
    </>
  );
}
