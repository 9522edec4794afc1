import Link from "next/link";
import { Highlight } from "@/components/data-table/highlight";
import { UsageMeter } from "@/components/data-table/usage-meter";
import { TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SortKey } from "@/lib/customers/view-options";
import type { CustomerTableRow } from "@/lib/customers/table";
import { BusyTable } from "./busy-table";
import { SortButton } from "./sort-button";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

interface Column {
  id: string;
  header: string;
  /** The server sort this column asks for; none for a column that cannot be sorted. */
  sort?: SortKey;
  cell(row: CustomerTableRow, term: string): React.ReactNode;
}

/*
 * A plain column list rendered on the server. Sorting and paging happen in SQL, so the table has no client-side
 * row model to keep; React Table's instance cost about 1.2 ms a page on the server for nothing the page shows.
 */
const COLUMNS: Column[] = [
  {
    id: "customer",
    header: "Customer",
    sort: "name",
    cell: (row, term) => (
      <div className="min-w-48">
        <Link href={`/customers/${row.id}`} prefetch={false} className="font-medium text-foreground hover:underline">
          <Highlight text={row.name} term={term} />
        </Link>
        {row.externalId ? (
          <span className="text-muted-foreground">
            {" ("}
            <Highlight text={row.externalId} term={term} />
            {")"}
          </span>
        ) : null}
        <div className="text-xs text-muted-foreground">{row.planName}</div>
      </div>
    ),
  },
  {
    id: "joined",
    header: "Joined",
    sort: "joined",
    cell: (row) => <span className="whitespace-nowrap tabular-nums">{dateFormat.format(new Date(row.createdAt))}</span>,
  },
  {
    id: "tasks",
    header: "Tasks used in billing period",
    sort: "tasks",
    cell: (row) => <UsageMeter used={row.tasksUsed} limit={row.taskLimit} label={`Tasks used by ${row.name}`} />,
  },
  {
    id: "connections",
    header: "Connections",
    sort: "connections",
    cell: (row) => (
      <span className="tabular-nums">
        {row.authenticatedConnections} <span className="text-muted-foreground">/ {row.connectionLimit}</span>
      </span>
    ),
  },
  { id: "apps", header: "Connected apps", cell: (row) => <ConnectedApps row={row} /> },
];

/** App icons with their names as a CSS tooltip on hover and focus (globals.css): no script per row. */
function ConnectedApps({ row }: { row: CustomerTableRow }) {
  if (row.apps.length === 0) return <span className="text-sm text-muted-foreground">None</span>;
  return (
    <ul className="flex items-center gap-1" aria-label={`Apps connected by ${row.name}`}>
      {row.apps.map((app) => (
        <li key={app.id} className="relative">
          {/* eslint-disable-next-line @next/next/no-img-element -- tiny static SVG icons */}
          <img src={app.iconPath} alt={app.name} width={24} height={24} className="size-6 rounded" tabIndex={0} />
          <span aria-hidden className="icon-tooltip">
            {app.name}
          </span>
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

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export interface CustomersTableProps {
  rows: CustomerTableRow[];
  term: string;
  sort: SortKey;
  dir: "asc" | "desc";
}

/** The Customers table (rules U2–U7), rendered on the server; a sort header asks the server for its order. */
export function CustomersTable({ rows, term, sort, dir }: CustomersTableProps) {
  return (
    <BusyTable aria-label="Customers" containerClassName="rounded-lg border">
      <TableHeader>
        <TableRow>
          {COLUMNS.map((column) => (
            <TableHead key={column.id} aria-sort={column.sort ? (column.sort === sort ? ARIA_SORT[dir] : "none") : undefined}>
              {column.sort ? (
                <SortButton column={column.sort} sorted={column.sort === sort ? dir : false}>
                  {column.header}
                </SortButton>
              ) : (
                column.header
              )}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      {/* Rows and cells are styled from here, once: every class on them is sent twice (HTML and RSC payload). */}
      <tbody className="[&>tr]:border-b [&>tr]:transition-colors [&>tr:hover]:bg-muted/50 [&>tr:last-child]:border-0 [&>tr>td]:px-3 [&>tr>td]:py-2.5 [&>tr>td]:align-middle">
        {rows.map((row) => (
          <tr key={row.id}>
            {COLUMNS.map((column) => (
              <td key={column.id}>{column.cell(row, term)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </BusyTable>
  );
}
