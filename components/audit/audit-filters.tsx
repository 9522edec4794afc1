"use client";

import * as React from "react";
import Link from "next/link";
import { parseAsString, useQueryStates } from "nuqs";
import { Download, X } from "lucide-react";

import { AUDIT_ACTION_LABELS } from "@/lib/audit/labels";
import { UrlSearchBox } from "@/components/search/url-search-box";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { WithUrlState } from "@/components/url-state";

type Person = { id: number; name: string; email: string };
type Customer = { id: number; name: string; externalId: string | null };

const ALL = "all";
const keys = {
  person: parseAsString,
  customer: parseAsString,
  action: parseAsString,
  from: parseAsString,
  to: parseAsString,
  cursor: parseAsString,
  dir: parseAsString,
};
const personOption = (person: Person): SearchOption => ({ value: String(person.id), label: person.name, description: person.email });
const customerOption = (customer: Customer): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ?? undefined,
});

export type AuditFiltersProps = {
  selectedPerson: SearchOption | null;
  selectedCustomer: SearchOption | null;
  /** The Activity view of one customer has no customer filter. */
  showCustomerFilter: boolean;
  exportHref: string;
  /** The view without filters. */
  clearHref: string;
  filtered: boolean;
  /** The search the server ran (the URL's, cut to its maximum). */
  searchTerm: string;
};

/** The audit log's filters, kept in the URL (a new filter starts again from the newest event), and CSV export. */
export function AuditFilters(props: AuditFiltersProps) {
  return (
    <WithUrlState>
      <AuditFilterControls {...props} />
    </WithUrlState>
  );
}

function AuditFilterControls({ selectedPerson, selectedCustomer, showCustomerFilter, exportHref, clearHref, filtered, searchTerm }: AuditFiltersProps) {
  const [pending, startTransition] = React.useTransition();
  const [values, setValues] = useQueryStates(keys, { shallow: false, startTransition });
  const set = (changes: Partial<Record<keyof typeof keys, string | null>>) => void setValues({ ...changes, cursor: null, dir: null });

  return (
    <div className="grid gap-3" aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <UrlSearchBox label="Search the audit log" placeholder="Search names, emails, accounts, changes…" resets={["cursor", "dir"]} searched={searchTerm} />
        <Button asChild variant="outline">
          <a href={exportHref} download>
            <Download aria-hidden="true" />
            Export CSV
          </a>
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid w-56 gap-1.5">
          <Label htmlFor="audit-person">Person</Label>
          <SearchCombobox<Person>
            id="audit-person"
            searchLabel="Search people"
            placeholder="Everyone"
            selected={selectedPerson}
            source="/lookups/people"
            toOption={personOption}
            onSelect={(option) => set({ person: option.value })}
          />
        </div>
        {showCustomerFilter ? (
          <div className="grid w-56 gap-1.5">
            <Label htmlFor="audit-customer">Customer</Label>
            <SearchCombobox<Customer>
              id="audit-customer"
              searchLabel="Search customers"
              placeholder="All accounts"
              selected={selectedCustomer}
              source="/lookups/customers"
              toOption={customerOption}
              onSelect={(option) => set({ customer: option.value })}
            />
          </div>
        ) : null}
        <div className="grid w-56 gap-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <Select value={values.action ?? ALL} onValueChange={(value) => set({ action: value === ALL ? null : value })}>
            <SelectTrigger id="audit-action">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>All actions</SelectItem>
              {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
                <SelectItem key={action} value={action}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from">From</Label>
          <Input
            id="audit-from"
            type="date"
            className="w-40"
            value={values.from ?? ""}
            max={values.to ?? undefined}
            onChange={(event) => set({ from: event.target.value || null })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to">To</Label>
          <Input
            id="audit-to"
            type="date"
            className="w-40"
            value={values.to ?? ""}
            min={values.from ?? undefined}
            onChange={(event) => set({ to: event.target.value || null })}
          />
        </div>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={clearHref}>
              <X aria-hidden="true" />
              Clear filters
            </Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
