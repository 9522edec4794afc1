import { Download, Info, SearchX, Upload, Users } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, pluralWord } from "@/lib/format";
import type { CustomerQuery } from "@/lib/customers/query-input";
import type { ConnectedApp, CustomerTablePage, CustomerTableView, PlanOption } from "@/lib/customers/reads/table";
import { AddCustomerButton } from "./add-customer-button";
import { BulkActionsSlot, RunningJobsSlot } from "./bulk/bulk-slots";
import { ClearFiltersButton } from "./clear-filters-button";
import { CustomersFilters } from "./customers-filters";
import { CustomersPagination } from "./customers-pagination";
import { CustomersTable } from "./customers-table";
import { CustomersUrlStateProvider, type CustomersState } from "./customers-url-state";
import { CustomerSelectionProvider } from "./selection/customer-selection";
import { STATUS_PANEL_ID, statusTabId } from "./status-panel";
import { StatusTabs } from "./status-tabs";

/** What the pagination needs: not the rows, which would be sent to the browser a second time. */
function pageOf({ rows: _rows, ...page }: CustomerTablePage): Omit<CustomerTablePage, "rows"> {
  return page;
}

export interface CustomersViewProps {
  view: CustomerTableView;
  query: CustomerQuery;
  /** The URL's state as the browser's controls see it (the nuqs parsers), and its query string. */
  state: CustomersState;
  /** What the URL asked for that the view brought within bounds (a search cut short, a page that does not exist). */
  notices: string[];
  search: string;
  plans: PlanOption[];
  apps: ConnectedApp[];
  canAddCustomers: boolean;
  /** Partner admins select rows and run bulk actions on them (issue 17). */
  canBulkEdit: boolean;
  /** The bulk jobs the signed-in person started that were still underway when the page was rendered. */
  myRunningJobIds: readonly number[];
}

/**
 * The Customers tab, rendered on the server for the URL's view: heading, counts, table and empty states are
 * server components; the search box, filters, tabs, sort buttons, pagination and + Add customer are small client
 * islands that change the URL, upon which the server renders the page again (see CustomersUrlStateProvider).
 */
export function CustomersView({ view, query, state, notices, search, plans, apps, canAddCustomers, canBulkEdit, myRunningJobIds }: CustomersViewProps) {
  const matching = view.counts[query.status];
  const filtered = query.q !== "" || query.plans.length > 0 || query.app !== null || query.joined !== null || query.status !== "all";
  const panel = (
    <div role="tabpanel" id={STATUS_PANEL_ID} aria-labelledby={statusTabId(query.status)}>
      {view.table.rows.length > 0 ? (
        <CustomersTable rows={view.table.rows} term={query.q} sort={query.sort} dir={query.dir} selectable={canBulkEdit} />
      ) : filtered ? (
        <EmptyState
          icon={SearchX}
          title={query.q ? `No customers match '${query.q}'` : "No customers match these filters"}
          description="Try another search, or clear the filters to see every customer."
          action={<ClearFiltersButton />}
        />
      ) : (
        <EmptyState icon={Users} title="No customers yet" description="Add your first customer to give it a workspace." />
      )}
    </div>
  );
  return (
    <CustomersUrlStateProvider state={state}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {`${formatNumber(matching.value)}${matching.capped ? "+" : ""} ${pluralWord(matching.value, "customer")}`}
            </p>
          </div>
          <div className="flex gap-2">
            <Button variant="outline" asChild>
              <a href={`/customers/export${search}`} download>
                <Download aria-hidden />
                Export CSV
              </a>
            </Button>
            {canAddCustomers ? (
              <Button variant="outline" asChild>
                <Link href="/customers/import">
                  <Upload aria-hidden />
                  Import from CSV
                </Link>
              </Button>
            ) : null}
            {canAddCustomers ? <AddCustomerButton plans={plans.filter((plan) => !plan.isFree)} /> : null}
          </div>
        </div>

        <CustomersFilters plans={plans} apps={apps} />
        {notices.map((notice) => (
          <p key={notice} role="status" className="flex items-center gap-2 rounded-md border bg-muted/50 px-3 py-2 text-sm">
            <Info aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            {notice}
          </p>
        ))}
        <StatusTabs counts={view.counts} />

        {canBulkEdit ? (
          <CustomerSelectionProvider
            rows={view.table.rows.map((row) => ({ id: String(row.id), name: row.name }))}
            viewKey={search}
            query={query}
            matching={matching}
          >
            <RunningJobsSlot underway={myRunningJobIds} />
            <BulkActionsSlot plans={plans} apps={apps} />
            {panel}
          </CustomerSelectionProvider>
        ) : (
          panel
        )}

        <CustomersPagination table={pageOf(view.table)} pageCount={view.pageCount} />
      </div>
    </CustomersUrlStateProvider>
  );
}
