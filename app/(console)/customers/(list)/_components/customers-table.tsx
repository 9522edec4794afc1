"use client";

import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { Highlight } from "@/components/data-table/highlight";
import { UsageMeter } from "@/components/data-table/usage-meter";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { SortKey } from "@/lib/customers/view-options";
import type { CustomerTableRow } from "@/lib/customers/table";

const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, CustomerTableRow>();
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function columns(term: string) {
  return column.columns([
    column.accessor("name", {
      id: "name",
      header: "Customer",
      cell: ({ row }) => (
        <div className="min-w-48">
          <Link href={`/customers/${row.original.id}`} className="font-medium text-foreground hover:underline">
            <Highlight text={row.original.name} term={term} />
          </Link>
          {row.original.externalId ? (
            <span className="text-muted-foreground">
              {" ("}
              <Highlight text={row.original.externalId} term={term} />
              {")"}
            </span>
          ) : null}
          <div className="text-xs text-muted-foreground">{row.original.planName}</div>
        </div>
      ),
    }),
    column.accessor("createdAt", {
      id: "joined",
      header: "Joined",
      cell: ({ getValue }) => <span className="whitespace-nowrap tabular-nums">{dateFormat.format(new Date(getValue()))}</span>,
    }),
    column.accessor("tasksUsed", {
      id: "tasks",
      header: "Tasks used in billing period",
      cell: ({ row }) => <UsageMeter used={row.original.tasksUsed} limit={row.original.taskLimit} label={`Tasks used by ${row.original.name}`} />,
    }),
    column.accessor("authenticatedConnections", {
      id: "connections",
      header: "Connections",
      cell: ({ row }) => (
        <span className="tabular-nums">
          {row.original.authenticatedConnections} <span className="text-muted-foreground">/ {row.original.connectionLimit}</span>
        </span>
      ),
    }),
    column.display({
      id: "apps",
      header: "Connected apps",
      enableSorting: false,
      cell: ({ row }) => <ConnectedApps row={row.original} />,
    }),
  ]);
}

function ConnectedApps({ row }: { row: CustomerTableRow }) {
  if (row.apps.length === 0) return <span className="text-sm text-muted-foreground">None</span>;
  return (
    <ul className="flex items-center gap-1" aria-label={`Apps connected by ${row.name}`}>
      {row.apps.map((app) => (
        <li key={app.id}>
          <Tooltip>
            <TooltipTrigger asChild>
              {/* eslint-disable-next-line @next/next/no-img-element -- tiny static SVG icons */}
              <img src={app.iconPath} alt={app.name} width={24} height={24} className="size-6 rounded" tabIndex={0} />
            </TooltipTrigger>
            <TooltipContent>{app.name}</TooltipContent>
          </Tooltip>
        </li>
      ))}
      {row.moreApps > 0 ? (
        <li className="text-xs text-muted-foreground" aria-label={`${row.moreApps} more apps`}>
          +{row.moreApps}
        </li>
      ) : null}
    </ul>
  );
}

export interface CustomersTableProps {
  rows: CustomerTableRow[];
  term: string;
  sort: SortKey;
  dir: "asc" | "desc";
  onSortChange(sort: SortKey, dir: "asc" | "desc"): void;
  loading: boolean;
  pageSize: number;
}

/** The Customers table (rules U2–U7): sorting is done by the server; a click asks for it through the URL. */
export function CustomersTable({ rows, term, sort, dir, onSortChange, loading, pageSize }: CustomersTableProps) {
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useTable({
    features,
    columns: columns(term),
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const [first] = next;
      if (first) onSortChange(first.id as SortKey, first.desc ? "desc" : "asc");
    },
  });

  return (
    <Table aria-label="Customers" aria-busy={loading} containerClassName="rounded-lg border">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = <table.FlexRender header={header} />;
              return (
                <TableHead
                  key={header.id}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : header.column.getCanSort() ? "none" : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="-ml-2 inline-flex items-center gap-1 rounded px-2 py-1 font-medium hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {label}
                      {sorted === "asc" ? (
                        <ArrowUp aria-hidden className="size-3.5" />
                      ) : sorted === "desc" ? (
                        <ArrowDown aria-hidden className="size-3.5" />
                      ) : (
                        <ArrowUpDown aria-hidden className="size-3.5 text-muted-foreground/60" />
                      )}
                    </button>
                  ) : (
                    label
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {loading && rows.length === 0
          ? Array.from({ length: Math.min(pageSize, 10) }, (_, index) => (
              <TableRow key={index} aria-hidden>
                {Array.from({ length: 5 }, (_, cell) => (
                  <TableCell key={cell}>
                    <Skeleton className="h-5 w-full max-w-40" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          : table.getRowModel().rows.map((row) => (
              <TableRow key={row.id} className={loading ? "opacity-60" : undefined}>
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
