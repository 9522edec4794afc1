"use client";

import { Plus } from "lucide-react";
import { Suspense, useState } from "react";
import { focusWhenRendered } from "@/components/focus-return";
import { Button } from "@/components/ui/button";
import { loadOnDemand } from "@/components/ui/on-first-use";
import type { PlanOption } from "@/lib/customers/reads/table";

// The dialog's code (Radix, zod, the server action) loads when it is first opened, not with the page.
const dialog = loadOnDemand(() => import("./add-customer-dialog").then((module) => module.AddCustomerDialog));

/**
 * **+ Add customer** and its dialog; a customer added shows up in the table the action revalidates, and focus
 * moves to its row's link when the row is on the page shown (else it stays on the button).
 */
export function AddCustomerButton({ plans }: { plans: PlanOption[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Button onClick={() => setAdding(true)} onPointerEnter={() => void dialog.preload()} onFocus={() => void dialog.preload()}>
        <Plus aria-hidden />
        Add customer
      </Button>
      {adding ? (
        <Suspense>
          <dialog.Component
            open={adding}
            onOpenChange={setAdding}
            plans={plans}
            onAdded={(customer) => focusWhenRendered(() => document.querySelector<HTMLElement>(`table a[href="/customers/${customer.id}"]`))}
          />
        </Suspense>
      ) : null}
    </>
  );
}
