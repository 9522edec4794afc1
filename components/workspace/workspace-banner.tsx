"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { ArrowLeftToLine, Eye } from "lucide-react";
import { toast } from "sonner";

import { returnToPartner } from "@/app/(workspace)/workspace/actions";
import { Button } from "@/components/ui/button";

export type WorkspaceBannerProps = {
  customerName: string;
  roleName: string;
  /** When the switch ends, already formatted ("15:42 UTC"). */
  endsAt: string;
};

/**
 * The banner that cannot be missed while a partner person is inside a customer account (rule C7): whose account,
 * with which role, until when, and **Return to partner account**.
 */
export function WorkspaceBanner({ customerName, roleName, endsAt }: WorkspaceBannerProps) {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);

  async function leave() {
    setPending(true);
    const result = await returnToPartner();
    if (!result.ok) toast.error(result.error);
    router.replace("/customers");
    router.refresh();
  }

  return (
    <div role="region" aria-label="Customer account" className="sticky top-0 z-50 border-b border-warning/40 bg-warning text-warning-foreground shadow-sm">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
        <Eye aria-hidden="true" className="size-5 shrink-0" />
        <p className="min-w-0 flex-1 text-sm">
          <strong className="font-semibold">
            You are in {customerName}&apos;s account as {roleName}
          </strong>
          <span className="opacity-90"> · The switch ends at {endsAt}.</span>
        </p>
        <Button size="sm" variant="secondary" pending={pending} onClick={leave}>
          <ArrowLeftToLine aria-hidden="true" />
          Return to partner account
        </Button>
      </div>
    </div>
  );
}
