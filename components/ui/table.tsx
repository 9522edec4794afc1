import * as React from "react";

import { cn } from "@/lib/utils";
import { TableScroller } from "@/components/ui/table-scroller";

export type TableProps = React.ComponentProps<"table"> & {
  /** Class names for the scrolling wrapper around the <table>. */
  containerClassName?: string;
};

/**
 * A semantic <table> in a horizontally scrolling wrapper. Name it with a `TableCaption`
 * (`className="sr-only"` to hide it) or `aria-label`.
 */
export function Table({ className, containerClassName, ...props }: TableProps) {
  return (
    <TableScroller className={containerClassName}>
      <table data-slot="table" className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </TableScroller>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return <tfoot data-slot="table-footer" className={cn("border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={cn("border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", className)} {...props} />;
}

/** A header cell; `scope="col"` unless told otherwise. Put `aria-sort` on it when the column is sorted. */
export function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        "h-10 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground [&:has([role=checkbox])]:w-10 [&:has([role=checkbox])]:pr-0",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td data-slot="table-cell" className={cn("px-3 py-2.5 align-middle [&:has([role=checkbox])]:w-10 [&:has([role=checkbox])]:pr-0", className)} {...props} />
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />;
}

/**
 * The column of row actions sticks to the right edge of the scrolling box, so that on a narrow screen a row's menu
 * is on screen without scrolling the table sideways first. Opaque, or the cells scrolling under it would show.
 */
const stickyActions = "sticky right-0 z-[1] bg-background";

/** The header of a column of row menus: empty to the eye, named for screen readers. */
export function TableActionsHead() {
  return (
    <TableHead className={stickyActions}>
      <span className="sr-only">Actions</span>
    </TableHead>
  );
}

/** The cell of a row's actions (its menu or buttons), under a `TableActionsHead`. */
export function TableActionsCell({ className, ...props }: React.ComponentProps<"td">) {
  return <TableCell className={cn("w-12 text-right", stickyActions, className)} {...props} />;
}
