import { flexRender } from "@tanstack/react-table";
import { constructTable, createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import Link from "next/link";
import { CustomerStatusBadge } from "@/components/customers/customer-status-badge";
import { Highlight } from "@/components/data-table/highlight";
import { UsageMeter } from "@/components/data-table/usage-meter";
import { TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SortKey } from "@/lib/customers/view-options";
import type { CustomerTableRow } from "@/lib/customers/reads/table";
import { formatDate, plural } from "@/lib/format";
import { BusyTable } from "./busy-table";
import { SelectPageCheckbox, SelectRowCheckbox } from "./selection/selection-checkboxes";
import { SortButton } from "./sort-button";

/*
 * TanStack Table's core, run on the server (no hook, no client code; plain store bindings stand in for React's):
 * the column model, the header groups and the sort state, rendered with React Table's flexRender. Sorting and paging happen in SQL (manualSorting), so the rows are the page the server read, in order.
 * Column IDs are the server's sort keys.
 */
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings(), rowSortingFeature });
const column = createColumnHelper<typeof features, CustomerTableRow>();

/** A checkbox per row and one for the page (issue 17), for partner admins: bulk actions act on what they select. */
const selectColumn = column.display({
  id: "select",
  header: () => <SelectPageCheckbox />,
  enableSorting: false,
  cell: ({ row }) => <SelectRowCheckbox id={row.id} name={row.original.name} />,
});

function columnsFor(term: string, selectable: boolean) {
  return column.columns([
    ...(selectable ? [selectColumn] : []),
    column.accessor("name", {
      id: "name",
      header: "Customer",
      cell: ({ row: { original: row } }) => (
        <>
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
        </>
      ),
    }),
    // Every status has its badge, Active included, so that a row never reads as having none (issue 12).
    column.display({ id: "status", header: "Status", enableSorting: false, cell: ({ row }) => <CustomerStatusBadge status={row.original.status} /> }),
    column.accessor("createdAt", {
      id: "joined",
      header: "Joined",
      cell: ({ getValue }) => formatDate(new Date(getValue())),
    }),
    column.accessor("tasksUsed", {
      id: "tasks",
      header: "Tasks used in billing period",
      cell: ({ row: { original: row } }) => <UsageMeter used={row.tasksUsed} limit={row.taskLimit} label={`Tasks used by ${row.name}`} />,
    }),
    column.accessor("authenticatedConnections", {
      id: "connections",
      header: "Connections",
      cell: ({ row: { original: row } }) => (
        <>
          {`${row.authenticatedConnections} `}
          <span className="text-muted-foreground">{`/ ${row.connectionLimit}`}</span>
        </>
      ),
    }),
    column.display({ id: "apps", header: "Connected apps", enableSorting: false, cell: ({ row }) => <ConnectedApps row={row.original} /> }),
  ]);
}

/** App icons with their names as a CSS tooltip on hover and focus (`.app-icon` in globals.css): no script per row. */
function ConnectedApps({ row }: { row: CustomerTableRow }) {
  if (row.apps.length === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <ul className="flex items-center gap-1" aria-label={`Apps connected by ${row.name}`}>
      {row.apps.map((app) => (
        <li key={app.id} className="app-icon" data-name={app.name}>
          {/* eslint-disable-next-line @next/next/no-img-element -- tiny static SVG icons */}
          <img src={app.iconPath} alt={app.name} width={24} height={24} className="size-6 rounded" tabIndex={0} />
        </li>
      ))}
      {row.moreApps > 0 ? (
        <li className="text-xs text-muted-foreground" aria-label={`${plural(row.moreApps, "more app", "more apps")}`}>
          {`+${row.moreApps}`}
        </li>
      ) : null}
    </ul>
  );
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
/** The checkbox column's header is named on its own: its checkbox's name would make it read as a "Customers" column. */
const SELECT_HEAD = { className: "w-10 pr-0", "aria-label": "Selection" } as const;

export interface CustomersTableProps {
  rows: CustomerTableRow[];
  term: string;
  sort: SortKey;
  dir: "asc" | "desc";
  /** Rows can be selected for bulk actions (partner admins); needs a CustomerSelectionProvider above. */
  selectable?: boolean;
}

/** The Customers table (rules U2–U7), rendered on the server; a sort header asks the server for its order. */
export function CustomersTable({ rows, term, sort, dir, selectable = false }: CustomersTableProps) {
  const table = constructTable<typeof features, CustomerTableRow>({
    features,
    columns: columnsFor(term, selectable),
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    state: { sorting: [{ id: sort, desc: dir === "desc" }] },
  });
  return (
    <BusyTable aria-label="Customers" containerClassName="rounded-lg border">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <TableHead
                  key={header.id}
                  {...(header.column.id === "select" ? SELECT_HEAD : {})}
                  aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                >
                  {header.column.getCanSort() ? (
                    <SortButton column={header.column.id as SortKey} sorted={sorted}>
                      {label}
                    </SortButton>
                  ) : (
                    label
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      {/* Rows and cells are styled by `.customer-rows` (globals.css), once: every class on them is sent twice (HTML and RSC payload). */}
      <tbody className="customer-rows">
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </BusyTable>
  );
}
