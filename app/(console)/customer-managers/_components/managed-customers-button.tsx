"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";

import { fetchLookup, WithQueryClient } from "@/components/query-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebouncedValue } from "@/components/ui/search-combobox";
import { formatNumber, plural } from "@/lib/format";

type ManagedCustomers = { customers: { id: number; name: string }[]; total: number };

type ManagedCustomersButtonProps = { managerId: number; managerName: string; more: number };

/** "+N more": the manager's full list of customers, on demand, searched on the server. */
export function ManagedCustomersButton(props: ManagedCustomersButtonProps) {
  return (
    <WithQueryClient>
      <ManagedCustomersList {...props} />
    </WithQueryClient>
  );
}

function ManagedCustomersList({ managerId, managerName, more }: ManagedCustomersButtonProps) {
  const [open, setOpen] = React.useState(false);
  const [term, setTerm] = React.useState("");
  const debounced = useDebouncedValue(term.trim());
  const query = useQuery({
    queryKey: ["managed-customers", managerId, debounced],
    enabled: open,
    queryFn: () =>
      fetchLookup<ManagedCustomers>(`/lookups/customer-managers/${managerId}/customers?q=${encodeURIComponent(debounced)}`, "The list could not be loaded."),
  });

  return (
    <>
      <Button variant="link" size="sm" className="text-xs" onClick={() => setOpen(true)}>
        +{formatNumber(more)} more
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{managerName}&apos;s customers</DialogTitle>
            <DialogDescription>The customer accounts this manager can enter.</DialogDescription>
          </DialogHeader>
          <Input
            type="search"
            aria-label="Search these customers"
            placeholder="Search these customers…"
            value={term}
            onChange={(event) => setTerm(event.target.value)}
          />
          {query.isPending ? (
            <div className="grid gap-2" aria-busy="true">
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-5 w-1/2" />
            </div>
          ) : query.isError ? (
            <p role="alert" className="text-sm text-destructive">
              {(query.error as Error).message}
            </p>
          ) : (
            <>
              <ul aria-label={`${managerName}'s customers`} className="max-h-80 divide-y overflow-y-auto rounded-md border text-sm">
                {query.data.customers.map((customer) => (
                  <li key={customer.id} className="px-3 py-2">
                    {customer.name}
                  </li>
                ))}
              </ul>
              <p role="status" className="text-xs text-muted-foreground">
                {query.data.total === 0
                  ? "No customer matches your search."
                  : query.data.total > query.data.customers.length
                    ? `Showing ${query.data.customers.length} of ${formatNumber(query.data.total)}: search to narrow the list.`
                    : plural(query.data.total, "customer")}
              </p>
            </>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
