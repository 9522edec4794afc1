"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { switchToAccount } from "@/app/(console)/account-switch/actions";
import { switchToAnotherAccount } from "@/app/(workspace)/workspace/actions";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export type SwitchDialogProps = {
  /** Where the switch starts: the partner account, or (issue 12) the customer account the person is in. */
  from?: "partner" | "customer";
  customer: { id: number; name: string } | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/**
 * The confirmation of a switch into a customer account, with an optional **Reason** that the audit log keeps.
 * The server decides whether the switch is allowed; on success the person lands in the customer workspace.
 */
export function SwitchDialog({ from = "partner", customer, open, onOpenChange }: SwitchDialogProps) {
  const [pending, setPending] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <DialogContent>
        {customer ? <SwitchForm from={from} customer={customer} pending={pending} setPending={setPending} onCancel={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

/** The page the switch is made from, for **Return to partner account**; none when too long to keep. */
function returnPath(): string | undefined {
  const path = `${window.location.pathname}${window.location.search}`;
  return path.length <= 2000 ? path : undefined;
}

/** The dialog's form, mounted each time the dialog opens, so that it starts empty. */
function SwitchForm({
  from,
  customer,
  pending,
  setPending,
  onCancel,
}: {
  from: "partner" | "customer";
  customer: { id: number; name: string };
  pending: boolean;
  setPending: (pending: boolean) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const [reason, setReason] = React.useState("");
  const [error, setError] = React.useState<string | undefined>();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(undefined);
    const result =
      from === "customer"
        ? await switchToAnotherAccount({ customerId: customer.id, reason })
        : await switchToAccount({ customerId: customer.id, reason, returnTo: returnPath() });
    if (!result.ok) {
      setPending(false);
      setError(result.fieldErrors?.reason?.[0] ?? result.error);
      return;
    }
    toast.success(`You are now in ${result.data.customerName}'s account.`);
    router.replace("/workspace");
    router.refresh();
    // From inside a customer account the workspace stays mounted (only its account changes): close the dialog.
    if (from === "customer") {
      setPending(false);
      onCancel();
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Switch to this account</DialogTitle>
        <DialogDescription>
          You will act in <strong className="font-medium text-foreground">{customer.name}</strong>&apos;s account with your role
          there.{" "}
          {from === "customer"
            ? "The switch you are in ends first, and a new one starts with its own time limit."
            : "The switch ends when you return to the partner account, sign out, or when its time limit runs out."}
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="switch-reason">
          Reason <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Textarea
          id="switch-reason"
          value={reason}
          maxLength={500}
          placeholder="Why you are entering this account, e.g. a support ticket"
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={error ? "switch-reason-error" : "switch-reason-hint"}
          aria-invalid={error ? true : undefined}
        />
        <p id="switch-reason-hint" className="text-xs text-muted-foreground">
          Kept in the audit log with the switch.
        </p>
        <FieldError id="switch-reason-error">{error}</FieldError>
      </div>
      <DialogFormFooter submitLabel="Switch to this account" pending={pending} onCancel={onCancel} />
    </form>
  );
}
