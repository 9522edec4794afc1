"use client";

import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import type { useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PAGE_SIZES, type PageSize } from "@/lib/customers/view-options";
import type { CustomerTableView } from "@/lib/customers/table";
import { customerSearchParams, FIRST_PAGE } from "../search-params";

type SetState = ReturnType<typeof useQueryStates<typeof customerSearchParams>>[1];
const numberFormat = new Intl.NumberFormat("en");

/** First, previous, next and last page by keyset cursors (no OFFSET), and the page size. */
export function CustomersPagination({ view, size, setState }: { view: CustomerTableView; size: PageSize; setState: SetState }) {
  const { table, pageCount } = view;
  const page = table.page;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="text-muted-foreground">
          Rows per page
        </label>
        <Select value={String(size)} onValueChange={(value) => void setState({ size: Number(value) as PageSize, ...FIRST_PAGE })}>
          <SelectTrigger id="page-size" className="h-8 w-20" aria-label="Rows per page">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PAGE_SIZES.map((option) => (
              <SelectItem key={option} value={String(option)}>
                {option}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex items-center gap-1">
        <span className="mr-2 text-muted-foreground" aria-live="polite">
          Page {numberFormat.format(page)}
          {pageCount !== null ? ` of ${numberFormat.format(pageCount)}` : ""}
        </span>
        <Button variant="outline" size="icon" aria-label="First page" disabled={!table.hasPrevious} onClick={() => void setState(FIRST_PAGE)}>
          <ChevronFirst aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Previous page"
          disabled={!table.hasPrevious}
          onClick={() =>
            void setState(page <= 2 ? FIRST_PAGE : { before: table.previousCursor, after: null, last: null, page: page - 1 })
          }
        >
          <ChevronLeft aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Next page"
          disabled={!table.hasNext}
          onClick={() => void setState({ after: table.nextCursor, before: null, last: null, page: page + 1 })}
        >
          <ChevronRight aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Last page"
          disabled={!table.hasNext}
          onClick={() => void setState({ last: true, after: null, before: null, page: null })}
        >
          <ChevronLast aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
