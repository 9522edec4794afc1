"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { SortKey } from "@/lib/customers/view-options";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";

/** A column header's sort button: ascending first, then it toggles (rule U7). The header carries `aria-sort`. */
export function SortButton({ column, sorted, children }: { column: SortKey; sorted: "asc" | "desc" | false; children: React.ReactNode }) {
  const { setState } = useCustomersUrlState();
  return (
    <button
      type="button"
      onClick={() => setState({ sort: column, dir: sorted === "asc" ? "desc" : "asc", ...FIRST_PAGE })}
      className="-ml-2 inline-flex items-center gap-1 rounded px-2 py-1 font-medium hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
      {sorted === "asc" ? (
        <ArrowUp aria-hidden className="size-3.5" />
      ) : sorted === "desc" ? (
        <ArrowDown aria-hidden className="size-3.5" />
      ) : (
        <ArrowUpDown aria-hidden className="size-3.5 text-muted-foreground/60" />
      )}
    </button>
  );
}
