"use client";

import type { StatusTab } from "@/lib/customers/view-options";
import type { StatusCounts } from "@/lib/customers/table";
import { cn } from "@/lib/utils";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";

const TABS: { value: StatusTab; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "in_trial", label: "In trial" },
  { value: "expired", label: "Expired subscription" },
];

const numberFormat = new Intl.NumberFormat("en");

/** Status tabs (rule U10), each with its count for the current search and filters. */
export function StatusTabs({ counts }: { counts: StatusCounts }) {
  const { state, setState } = useCustomersUrlState();
  const value = state.status;
  return (
    <div role="tablist" aria-label="Status" className="flex flex-wrap gap-1 border-b">
      {TABS.map((tab) => {
        const count = counts[tab.value];
        const selected = tab.value === value;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={selected}
            onClick={() => setState({ status: tab.value, ...FIRST_PAGE })}
            className={cn(
              "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
            <span className="rounded-full bg-muted px-2 py-0.5 text-xs tabular-nums" data-testid={`count-${tab.value}`}>
              {`${numberFormat.format(count.value)}${count.capped ? "+" : ""}`}
            </span>
          </button>
        );
      })}
    </div>
  );
}
