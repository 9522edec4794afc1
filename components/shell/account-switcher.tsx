"use client";

import * as React from "react";
import { Building2 } from "lucide-react";

import { SwitchDialog } from "@/components/customers/switch-dialog";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";

type AccountItem = { id: number; name: string; externalId: string | null };

const PARTNER_VALUE = "partner";

const toOption = (customer: AccountItem): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ? `Customer account · ${customer.externalId}` : "Customer account",
});

/**
 * The top bar's account switcher (rule C7): the partner account, then the customer accounts the person may
 * enter, searched on the server. Choosing a customer asks for confirmation (and an optional reason).
 */
export function AccountSwitcher({ partnerName }: { partnerName: string }) {
  const [target, setTarget] = React.useState<{ id: number; name: string } | null>(null);
  const pinned = React.useMemo(() => [{ value: PARTNER_VALUE, label: partnerName, description: "Partner account (current)" }], [partnerName]);

  return (
    <>
      <SearchCombobox<AccountItem>
        ariaLabel="Switch account"
        searchLabel="Search accounts"
        placeholder={partnerName}
        triggerContent={
          <span className="flex min-w-0 items-center gap-2 font-medium">
            <Building2 aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            <span className="truncate" title={partnerName}>
              {partnerName}
            </span>
          </span>
        }
        selected={pinned[0]}
        pinned={pinned}
        source="/lookups/accounts"
        toOption={toOption}
        emptyText="No customer account matches your search."
        onSelect={(option) => {
          if (option.value !== PARTNER_VALUE) setTarget({ id: Number(option.value), name: option.label });
        }}
        className="h-8 w-auto max-w-72 border-transparent bg-transparent px-2 shadow-none hover:bg-accent"
        contentClassName="w-80"
      />
      <SwitchDialog customer={target} open={target !== null} onOpenChange={(open) => (open ? undefined : setTarget(null))} />
    </>
  );
}
