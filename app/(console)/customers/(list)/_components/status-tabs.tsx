"use client";

import { useRef } from "react";
import type { StatusTab } from "@/lib/customers/view-options";
import type { StatusCounts } from "@/lib/customers/reads/table";
import { cn } from "@/lib/utils";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";
import { STATUS_PANEL_ID, statusTabId } from "./status-panel";
import { formatNumber } from "@/lib/format";

const TABS: { value: StatusTab; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "in_trial", label: "In trial" },
  { value: "expired", label: "Expired subscription" },
];

const MOVES: Record<string, (index: number) => number> = {
  ArrowRight: (index) => (index + 1) % TABS.length,
  ArrowLeft: (index) => (index - 1 + TABS.length) % TABS.length,
  Home: () => 0,
  End: () => TABS.length - 1,
};

/**
 * Status tabs (rule U10), each with its count for the current search and filters. The tabs pattern with manual
 * activation: one tab stop, arrows, Home and End move between the tabs, Enter or Space shows one (each shown tab
 * asks the server for the rows, so moving along must not).
 */
export function StatusTabs({ counts }: { counts: StatusCounts }) {
  const { state, setState } = useCustomersUrlState();
  const value = state.status;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: React.KeyboardEvent<HTMLButtonElement>, index: number) {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    tabs.current[move(index)]?.focus();
  }
  return (
    <div role="tablist" aria-label="Status" className="flex flex-wrap gap-1 border-b">
      {TABS.map((tab, index) => {
        const count = counts[tab.value];
        const selected = tab.value === value;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            id={statusTabId(tab.value)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={STATUS_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onKeyDown={(event) => onKeyDown(event, index)}
            onClick={() => setState({ status: tab.value, ...FIRST_PAGE })}
            className={cn(
              "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
            <span className="rounded-full bg-muted px-2 py-0.5 text-xs tabular-nums" data-testid={`count-${tab.value}`}>
              {`${formatNumber(count.value)}${count.capped ? "+" : ""}`}
            </span>
          </button>
        );
      })}
    </div>
  );
}
