"use client";

import { ChevronDown, ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import { selectTriggerClassName } from "@/components/ui/trigger-styles";
import type { CustomerTablePage } from "@/lib/customers/reads/table";
import { cn } from "@/lib/utils";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";
import { PAGE_SIZE_TRIGGER } from "./page-size-trigger";
import { formatNumber } from "@/lib/format";

const pageSizeSelect = loadOnDemand(() => import("./page-size-select").then((module) => module.PageSizeSelect));

/** Rows per page, closed: the same combobox as the Radix select it becomes on first use. */
function ClosedPageSizeSelect(trigger: React.ComponentProps<"button">) {
  const { state } = useCustomersUrlState();
  return (
    <button
      type="button"
      // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- closed: the list it controls is not rendered yet
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="none"
      id={PAGE_SIZE_TRIGGER.id}
      aria-label={PAGE_SIZE_TRIGGER["aria-label"]}
      data-size="default"
      className={cn(selectTriggerClassName, PAGE_SIZE_TRIGGER.className)}
      {...trigger}
    >
      <span data-slot="select-value">{state.size}</span>
      <ChevronDown aria-hidden="true" className="size-4 opacity-60" />
    </button>
  );
}

/** First, previous, next and last page by keyset cursors (no OFFSET), and the page size. */
export function CustomersPagination({ table, pageCount }: { table: Omit<CustomerTablePage, "rows">; pageCount: number | null }) {
  const { setState } = useCustomersUrlState();
  const page = table.page;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="text-muted-foreground">
          Rows per page
        </label>
        <OnFirstUse preload={pageSizeSelect.preload} placeholder={(trigger) => <ClosedPageSizeSelect {...trigger} />} control={<pageSizeSelect.Component />} />
      </div>
      <div className="flex items-center gap-1">
        <span className="mr-2 text-muted-foreground" aria-live="polite">
          Page {formatNumber(page)}
          {pageCount !== null ? ` of ${formatNumber(pageCount)}` : ""}
        </span>
        <Button variant="outline" size="icon" aria-label="First page" disabled={!table.hasPrevious} onClick={() => setState(FIRST_PAGE)}>
          <ChevronFirst aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Previous page"
          disabled={!table.hasPrevious}
          onClick={() => setState(page <= 2 ? FIRST_PAGE : { before: table.previousCursor, after: null, last: null, page: page - 1 })}
        >
          <ChevronLeft aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Next page"
          disabled={!table.hasNext}
          onClick={() => setState({ after: table.nextCursor, before: null, last: null, page: page + 1 })}
        >
          <ChevronRight aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Last page"
          disabled={!table.hasNext}
          onClick={() => setState({ last: true, after: null, before: null, page: null })}
        >
          <ChevronLast aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
