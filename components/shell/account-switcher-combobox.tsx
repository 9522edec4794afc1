"use client";

import * as React from "react";
import { SwitchDialog } from "@/components/customers/switch-dialog";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";
import { ACCOUNT_TRIGGER_CLASS, AccountTriggerContent } from "@/components/shell/account-switcher";

type AccountItem = { id: number; name: string; externalId: string | null };

const PARTNER_VALUE = "partner";

const toOption = (customer: AccountItem): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ? `Customer account · ${customer.externalId}` : "Customer account",
});

/**
 * The top bar's account switcher (rule C7): the partner account, then the customer accounts the person may
 * enter, searched on the server. Choosing a customer asks for confirmation (and an optional reason). Loaded on
 * first use (see AccountSwitcher), so it opens itself.
 */
export function AccountSwitcherCombobox({ partnerName }: { partnerName: string }) {
  const [target, setTarget] = React.useState<{ id: number; name: string } | null>(null);
  const pinned = React.useMemo(() => [{ value: PARTNER_VALUE, label: partnerName, description: "Partner account (current)" }], [partnerName]);

  return (
    <>
      <SearchCombobox<AccountItem>
        ariaLabel="Switch account"
        searchLabel="Search accounts"
        placeholder={partnerName}
        triggerContent={<AccountTriggerContent partnerName={partnerName} />}
        defaultOpen
        selected={pinned[0]}
        pinned={pinned}
        source="/lookups/accounts"
        toOption={toOption}
        emptyText="No customer account matches your search."
        onSelect={(option) => {
          if (option.value !== PARTNER_VALUE) setTarget({ id: Number(option.value), name: option.label });
        }}
        className={ACCOUNT_TRIGGER_CLASS}
        contentClassName="w-80"
      />
      <SwitchDialog customer={target} open={target !== null} onOpenChange={(open) => (open ? undefined : setTarget(null))} />
    </>
  );
}
