"use client";

import * as React from "react";
import { useRouter } from "next/navigation";

import { switchToAccount } from "@/app/(console)/account-switch/actions";
import { switchToAnotherAccount } from "@/app/(workspace)/workspace/actions";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/field-error";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { switchAccountSchema } from "@/lib/workspace-access/switch-schema";
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
        {customer ? <SwitchForm from={from} customer={customer} setPending={setPending} onCancel={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

/** The page the switch is made from, for **Return to partner account**; none when too long to keep. */
function returnPath(): string | undefined {
  const path = `${window.location.pathname}${window.location.search}`;
  return path.length <= 2000 ? path : undefined;
}

const reasonSchema = switchAccountSchema.pick({ reason: true });

/** The dialog's form, mounted each time the dialog opens, so that it starts empty. */
function SwitchForm({
  from,
  customer,
  setPending,
  onCancel,
}: {
  from: "partner" | "customer";
  customer: { id: number; name: string };
  setPending: (pending: boolean) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: reasonSchema,
    defaultValues: { reason: "" },
    action: ({ reason }) =>
      from === "customer"
        ? switchToAnotherAccount({ customerId: customer.id, reason })
        : switchToAccount({ customerId: customer.id, reason, returnTo: returnPath() }),
    success: (switched) => `You are now in ${switched.customerName}'s account.`,
    onSuccess: () => {
      router.replace("/workspace");
      // The session changed account (a row on the server, no cookie, no page's data): every page the router
      // keeps was rendered for the previous account, which no action's revalidation covers.
      router.refresh();
      // From inside a customer account the workspace stays mounted (only its account changes): close the dialog.
      if (from === "customer") onCancel();
    },
    // From the partner account the console unmounts as the workspace loads.
    leavesPage: from === "partner",
  });
  React.useEffect(() => setPending(pending), [pending, setPending]);

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Switch to this account</DialogTitle>
        <DialogDescription>
          You will act in <strong className="font-medium text-foreground">{customer.name}</strong>&apos;s account with your role there.{" "}
          {from === "customer"
            ? "The switch you are in ends first, and a new one starts with its own time limit."
            : "The switch ends when you return to the partner account, sign out, or when its time limit runs out."}
        </DialogDescription>
      </DialogHeader>
      <FormField
        control={form.control}
        name="reason"
        id="switch-reason"
        label={
          <>
            Reason <span className="font-normal text-muted-foreground">(optional)</span>
          </>
        }
        description="Kept in the audit log with the switch."
      >
        {(field) => <Textarea {...field} maxLength={500} placeholder="Why you are entering this account, e.g. a support ticket" />}
      </FormField>
      <FormAlert>{formError}</FormAlert>
      <DialogFormFooter submitLabel="Switch to this account" pending={pending} onCancel={onCancel} />
    </form>
  );
}
