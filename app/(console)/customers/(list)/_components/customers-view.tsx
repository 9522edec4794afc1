"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Plus, SearchX, Users } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ConnectedApp, CustomerTableView, PlanOption } from "@/lib/customers/table";
import { customerSearchParams, FIRST_PAGE, serializeCustomerSearch } from "../search-params";
import { CustomersFilters } from "./customers-filters";
import { CustomersPagination } from "./customers-pagination";
import { CustomersTable } from "./customers-table";
import { StatusTabs } from "./status-tabs";

// The dialog's code loads when it is first opened, not with the page.
const AddCustomerDialog = dynamic(() => import("./add-customer-dialog").then((module) => module.AddCustomerDialog));

const numberFormat = new Intl.NumberFormat("en");

async function fetchView(search: string): Promise<CustomerTableView> {
  const response = await fetch(`/customers/data${search}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : "The customers could not be loaded.");
  return (await response.json()) as CustomerTableView;
}

export interface CustomersViewProps {
  initial: CustomerTableView;
  plans: PlanOption[];
  apps: ConnectedApp[];
  canAddCustomers: boolean;
}

/** The Customers tab: URL state (nuqs) drives a JSON query (React Query); the server does all the work. */
export function CustomersView({ initial, plans, apps, canAddCustomers }: CustomersViewProps) {
  const [state, setState] = useQueryStates(customerSearchParams, { history: "push" });
  const search = serializeCustomerSearch(state);
  const [initialSearch] = useState(search);
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: ["customers", search],
    queryFn: () => fetchView(search),
    initialData: search === initialSearch ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
  const data = view.data;
  const loading = view.isFetching;
  const filtered = state.q !== "" || state.plan.length > 0 || state.app !== null || state.joined !== null || state.status !== "all";
  const clearAll = () => void setState({ q: null, status: null, plan: null, app: null, joined: null, from: null, to: null, ...FIRST_PAGE });
  const matching = data?.counts[state.status];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {matching ? `${numberFormat.format(matching.value)}${matching.capped ? "+" : ""} customers` : "Loading customers…"}
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
            <Button onClick={() => setAdding(true)}>
              <Plus aria-hidden />
              Add customer
            </Button>
          ) : null}
        </div>
      </div>

      <CustomersFilters state={state} setState={setState} plans={plans} apps={apps} onClearAll={clearAll} />
      <StatusTabs value={state.status} counts={data?.counts} onChange={(status) => void setState({ status, ...FIRST_PAGE })} />

      {view.isError ? (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm">
          {view.error.message}{" "}
          <Button variant="link" onClick={() => void view.refetch()}>
            Try again
          </Button>
        </div>
      ) : null}

      {data && data.table.rows.length === 0 && !loading ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title={state.q ? `No customers match '${state.q}'` : "No customers match these filters"}
            description="Try another search, or clear the filters to see every customer."
            action={<Button onClick={clearAll}>Clear filters</Button>}
          />
        ) : (
          <EmptyState icon={Users} title="No customers yet" description="Add your first customer to give it a workspace." />
        )
      ) : (
        <CustomersTable
          rows={data?.table.rows ?? []}
          term={state.q}
          sort={state.sort}
          dir={state.dir}
          loading={loading}
          pageSize={state.size}
          onSortChange={(sort, dir) => void setState({ sort, dir, ...FIRST_PAGE })}
        />
      )}

      {data ? <CustomersPagination view={data} size={state.size} setState={setState} /> : null}

      {adding ? (
        <AddCustomerDialog
          open={adding}
          onOpenChange={setAdding}
          plans={plans.filter((plan) => !plan.isFree)}
          onAdded={() => void queryClient.invalidateQueries({ queryKey: ["customers"] })}
        />
      ) : null}
    </div>
  );
}
