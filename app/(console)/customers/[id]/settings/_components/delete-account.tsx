"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useActionRunner } from "@/components/use-action-runner";
import { deleteCustomerAction } from "../actions";

/**
 * Delete account (rule U29), behind a confirmation in which the person types the customer's exact name. On
 * success the browser returns to the Customers table with a toast.
 */
export function DeleteAccount({
  customerId,
  customerName,
  disabled,
  disabledReasonId,
}: {
  customerId: number;
  customerName: string;
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [typed, setTyped] = React.useState("");
  const { run } = useActionRunner();
  const matches = typed === customerName;
  // Only once the typed text cannot become the name: no message on every keystroke while typing it.
  const wrong = typed !== "" && !customerName.startsWith(typed);

  async function confirm() {
    const result = await run(
      () => deleteCustomerAction({ customerId, confirmName: typed }),
      (data) => `${data.name} was deleted.`,
    );
    if (!result.ok) return false;
    router.push("/customers");
    return true;
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped("");
      }}
      trigger={
        <Button variant="destructive" className="w-fit" disabled={disabled} aria-describedby={disabledReasonId}>
          <Trash2 aria-hidden="true" />
          Delete account
        </Button>
      }
      title={`Delete ${customerName}?`}
      description="This permanently removes the customer account and all its data: collaborators, connections, recipes and their versions, jobs and usage. It cannot be undone. The audit log keeps its record."
      confirmLabel="Delete account"
      destructive
      confirmDisabled={!matches}
      onConfirm={confirm}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="delete-confirm-name">
          Type <span className="font-semibold">{customerName}</span> to confirm
        </Label>
        <Input
          id="delete-confirm-name"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? "delete-confirm-name-error" : undefined}
        />
        {wrong ? <FieldError id="delete-confirm-name-error">The name does not match the customer&apos;s name.</FieldError> : null}
      </div>
    </ConfirmDialog>
  );
}
