"use client";

import * as React from "react";
import { SwitchDialog } from "@/components/customers/switch-dialog";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";
import { ACCOUNT_TRIGGER_CLASS, AccountTriggerContent, type AccountSwitcherProps } from "@/components/shell/account-trigger";
import { formatNumber, plural } from "@/lib/format";

type AccountItem = { id: number; name: string; externalId: string | null };

const CURRENT_VALUE = "current";

const toOption = (customer: AccountItem): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ? `Customer account · ${customer.externalId}` : "Customer account",
});

/** Beyond the first page, the switcher says how many accounts a search reaches (issue 12). */
const moreHint = (total: number, shown: number) => `First ${formatNumber(shown)} shown · type to search ${plural(total, "account")}`;

/**
 * The top bar's account switcher (rule C7): the current account, then the customer accounts the person may
 * enter, searched on the server. Choosing a customer asks for confirmation (and an optional reason). Loaded on
 * first use (see AccountSwitcher), so it opens itself. From inside a customer account it lists the others, for a
 * switch straight from one customer to another.
 */
export function AccountSwitcherCombobox({ currentName, inCustomer = false }: AccountSwitcherProps) {
  const [target, setTarget] = React.useState<{ id: number; name: string } | null>(null);
  const pinned = React.useMemo(
    () => [{ value: CURRENT_VALUE, label: currentName, description: inCustomer ? "Customer account (current)" : "Partner account (current)" }],
    [currentName, inCustomer],
  );

  return (
    <>
      <SearchCombobox<AccountItem>
        ariaLabel="Switch account"
        searchLabel="Search accounts"
        placeholder={currentName}
        triggerContent={<AccountTriggerContent currentName={currentName} />}
        defaultOpen
        selected={pinned[0]}
        pinned={pinned}
        source={inCustomer ? "/workspace/accounts" : "/lookups/accounts"}
        moreHint={moreHint}
        toOption={toOption}
        emptyText="No customer account matches your search."
        onSelect={(option) => {
          if (option.value !== CURRENT_VALUE) setTarget({ id: Number(option.value), name: option.label });
        }}
        className={ACCOUNT_TRIGGER_CLASS}
        contentClassName="w-80"
      />
      <SwitchDialog
        from={inCustomer ? "customer" : "partner"}
        customer={target}
        open={target !== null}
        onOpenChange={(open) => (open ? undefined : setTarget(null))}
      />
    </>
  );
}
