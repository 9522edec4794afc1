"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useDebouncedValue } from "@/components/ui/search-combobox";
import { plural } from "@/lib/format";
import type { SameName, SameNameCustomer } from "@/lib/customers/reads/same-name";
import { normalizeName } from "@/lib/names";

/** "“Northwind Traders” (external ID nw-1)", the name linked to the customer's page. */
function Named({ customer, link }: { customer: SameNameCustomer; link: boolean }) {
  const name = `“${customer.name}”`;
  return (
    <>
      {link ? (
        <Link href={`/customers/${customer.id}`} prefetch={false} className="font-medium underline underline-offset-2">
          {name}
        </Link>
      ) : (
        <span className="font-medium">{name}</span>
      )}
      {customer.externalId ? ` (external ID ${customer.externalId})` : " (no external ID)"}
    </>
  );
}

/** The warning itself: two customers may share a name, so it names the other one and blocks nothing. */
export function SameNameNotice({ id, sameName, link = true }: { id?: string; sameName: SameName; link?: boolean }) {
  const [first] = sameName.customers;
  if (!first) return null;
  const others = sameName.total - 1;
  return (
    <p id={id} className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-warning">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>
        Another customer is already named <Named customer={first} link={link} />
        {others > 0 ? `, and ${plural(others, "more")}` : ""}. You can still use the name; the external ID tells them apart.
      </span>
    </p>
  );
}

async function fetchSameName(name: string): Promise<SameName> {
  const response = await fetch(`/lookups/customers/same-name?${new URLSearchParams({ name })}`);
  if (!response.ok) throw new Error("The name could not be checked.");
  return (await response.json()) as SameName;
}

/**
 * Asks the server, once typing settles, whether another of the partner's customers has the name being typed, and
 * warns if so. Needs a React Query client above it (components/query-client.tsx).
 */
export function SameNameWarning({ id, name }: { id: string; name: string }) {
  const settled = normalizeName(useDebouncedValue(name, 400));
  const query = useQuery({
    queryKey: ["customers-same-name", settled],
    enabled: settled !== "",
    // A customer added a moment ago must count: never answer from an earlier check.
    staleTime: 0,
    queryFn: () => fetchSameName(settled),
  });
  // Kept in the page even when empty, so that a screen reader announces the warning when it appears.
  return (
    <div role="status" aria-live="polite">
      {query.data && settled !== "" && settled === normalizeName(name) ? <SameNameNotice id={id} sameName={query.data} /> : null}
    </div>
  );
}
