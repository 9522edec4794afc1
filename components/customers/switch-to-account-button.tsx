"use client";

import * as React from "react";
import { LogIn } from "lucide-react";

import { Button } from "@/components/ui/button";
import { SwitchDialog } from "@/components/customers/switch-dialog";

/**
 * **Switch to this account** on a customer page (rule U18). Show it only when `maySwitchInto` allows; the switch
 * itself is decided again on the server.
 */
export function SwitchToAccountButton({ customerId, customerName }: { customerId: number; customerName: string }) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <LogIn aria-hidden="true" />
        Switch to this account
      </Button>
      <SwitchDialog customer={{ id: customerId, name: customerName }} open={open} onOpenChange={setOpen} />
    </>
  );
}
