"use client";

import * as React from "react";
import type { RowSelectionState } from "@tanstack/table-core";
import type { BulkSelection } from "@/lib/bulk-jobs/types";
import type { CustomerQuery } from "@/lib/customers/query-input";
import type { Count } from "@/lib/customers/reads/table";

/** A page's row as the selection knows it: its ID and its name (for the checkbox's accessible name). */
export type SelectableRow = { id: string; name: string };

/** What a bulk action acts on: the chosen rows of the page, or the whole view (its filter, never its IDs). */
export type CustomerSelectionTarget = Extract<BulkSelection, { kind: "ids" } | { kind: "view" }>;

interface CustomerSelection {
  isSelected(id: string): boolean;
  toggleRow(id: string, selected: boolean): void;
  pageState: boolean | "indeterminate";
  togglePage(selected: boolean): void;
  /** Rows chosen on this page (whole view or not). */
  selectedIds: number[];
  wholeView: boolean;
  selectWholeView(): void;
  clear(): void;
  /** How many customers the view matches (a lower bound when capped) and how many rows the page shows. */
  matching: Count;
  pageSize: number;
  target: CustomerSelectionTarget | null;
}

const Context = React.createContext<CustomerSelection | null>(null);

type State = { viewKey: string; rows: RowSelectionState; wholeView: boolean };

/**
 * The Customers table's selection (issue 17). The table (TanStack's column model, with its select column) is
 * rendered on the server; the selection lives here, in TanStack Table's row selection state shape, kept without
 * table-core in the browser: the page's first-load script is held under its budget (README, Performance), and
 * selecting the rows of one page needs no more than a record of IDs. It is cleared whenever the view changes
 * (search, filters, tab, sort, page): `viewKey` is the view's query string. Once every row of the page is chosen,
 * the whole view can be: that selection is the view's filter, resolved to customers when a job starts.
 */
export function CustomerSelectionProvider({
  rows,
  viewKey,
  query,
  matching,
  children,
}: {
  rows: SelectableRow[];
  viewKey: string;
  query: CustomerQuery;
  matching: Count;
  children: React.ReactNode;
}) {
  const [stored, setStored] = React.useState<State>({ viewKey, rows: {}, wholeView: false });
  const state: State = stored.viewKey === viewKey ? stored : { viewKey, rows: {}, wholeView: false };

  const value = React.useMemo<CustomerSelection>(() => {
    const update = (next: Partial<State>) => setStored({ ...state, ...next });
    const setRows = (rowSelection: RowSelectionState) => update({ rows: rowSelection, wholeView: false });
    const selectedIds = rows.filter((row) => state.rows[row.id]).map((row) => Number(row.id));
    const allOnPage = rows.length > 0 && selectedIds.length === rows.length;
    const wholeView = state.wholeView && allOnPage;
    const { q, status, plans, app, joined, from, to } = query;
    return {
      isSelected: (id) => state.rows[id] === true,
      toggleRow: (id, selected) => {
        const { [id]: _was, ...others } = state.rows;
        setRows(selected ? { ...others, [id]: true } : others);
      },
      pageState: allOnPage ? true : selectedIds.length > 0 ? "indeterminate" : false,
      togglePage: (selected) => setRows(selected ? Object.fromEntries(rows.map((row) => [row.id, true])) : {}),
      selectedIds,
      wholeView,
      selectWholeView: () => update({ wholeView: true }),
      clear: () => update({ rows: {}, wholeView: false }),
      matching,
      pageSize: rows.length,
      target: wholeView
        ? { kind: "view", query: { q, status, plans, app, joined, from, to } }
        : selectedIds.length > 0
          ? { kind: "ids", ids: selectedIds }
          : null,
    };
    // `state` is derived from `stored` and `viewKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, viewKey, rows, query, matching]);

  return <Context value={value}>{children}</Context>;
}

export function useCustomerSelection(): CustomerSelection {
  const value = React.use(Context);
  if (!value) throw new Error("useCustomerSelection needs a CustomerSelectionProvider above it.");
  return value;
}
