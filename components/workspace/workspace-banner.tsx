"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { ArrowLeftToLine, Eye } from "lucide-react";
import { toast } from "sonner";

import { returnToPartner } from "@/app/(workspace)/workspace/actions";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { formatDuration } from "@/lib/format";

export type WorkspaceBannerProps = {
  customerName: string;
  roleName: string;
  /** When the switch ends (ISO). */
  endsAt: string;
  /** The server's time when it rendered the page (ISO): the countdown runs from the application's clock. */
  renderedAt: string;
};

const TICK_MS = 15_000;

/**
 * How long until the switch ends, counted from the server's clock rather than the browser's (the two may differ,
 * and tests move the server's), and updated as time passes.
 */
function useRemaining(endsAt: string, renderedAt: string): number {
  const [mountedAt] = React.useState(() => Date.now());
  const [now, setNow] = React.useState(mountedAt);
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return Date.parse(endsAt) - Date.parse(renderedAt) - (now - mountedAt);
}

/**
 * The banner that cannot be missed while a partner person is inside a customer account (rule C7): whose account,
 * with which role, until when (a date and local time, and a countdown), and **Return to partner account**, which
 * goes back to the page the switch was made from.
 */
export function WorkspaceBanner({ customerName, roleName, endsAt, renderedAt }: WorkspaceBannerProps) {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);
  const remaining = useRemaining(endsAt, renderedAt);

  async function leave() {
    setPending(true);
    const result = await returnToPartner();
    if (!result.ok) toast.error(result.error);
    router.replace(result.ok ? result.data.returnTo : "/customers");
    // The session changed account (a row on the server, no cookie, no page's data): every page the router keeps
    // was rendered inside the customer account, which no action's revalidation covers.
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
          <span className="opacity-90">
            {" · The switch ends on "}
            <LocalTime value={endsAt} /> <span>({remaining > 0 ? `${formatDuration(remaining)} left` : "ending now"})</span>.
          </span>
        </p>
        <Button size="sm" variant="secondary" pending={pending} onClick={leave}>
          <ArrowLeftToLine aria-hidden="true" />
          Return to partner account
        </Button>
      </div>
    </div>
  );
}
