"use client";

import { Building2, ChevronsUpDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import { comboboxTriggerClassName } from "@/components/ui/trigger-styles";

export const ACCOUNT_TRIGGER_CLASS = "h-8 w-auto max-w-72 border-transparent bg-transparent px-2 shadow-none hover:bg-accent";

/** What the switcher's button shows: the current account. */
export function AccountTriggerContent({ currentName: partnerName }: { currentName: string }) {
  return (
    <span className="flex min-w-0 items-center gap-2 font-medium">
      <Building2 aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <span className="truncate" title={partnerName}>
        {partnerName}
      </span>
    </span>
  );
}

// The combobox (Radix popover, React Query) and the switch dialog load on first use, not with every page.
const combobox = loadOnDemand(() => import("@/components/shell/account-switcher-combobox").then((module) => module.AccountSwitcherCombobox));

export type AccountSwitcherProps = {
  /** The account the person is in: the partner's, or (switched in) the customer's. */
  currentName: string;
  /** Switched into a customer account: lists the others, and switching ends this switch first (issue 12). */
  inCustomer?: boolean;
};

/** The top bar's account switcher (rule C7), closed: the same combobox button until it is first opened. */
export function AccountSwitcher({ currentName, inCustomer = false }: AccountSwitcherProps) {
  return (
    <OnFirstUse
      preload={combobox.preload}
      placeholder={(trigger) => (
        <button
          type="button"
          // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- closed: the list it controls is not rendered yet
          role="combobox"
          aria-label="Switch account"
          aria-expanded={false}
          aria-haspopup="listbox"
          className={cn(comboboxTriggerClassName, ACCOUNT_TRIGGER_CLASS)}
          {...trigger}
        >
          <AccountTriggerContent currentName={currentName} />
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 opacity-60" />
        </button>
      )}
      control={<combobox.Component currentName={currentName} inCustomer={inCustomer} />}
    />
  );
}
