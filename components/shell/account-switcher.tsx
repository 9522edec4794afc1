"use client";

import { ChevronsUpDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import { comboboxTriggerClassName } from "@/components/ui/trigger-styles";
import { ACCOUNT_TRIGGER_CLASS, AccountTriggerContent, type AccountSwitcherProps } from "@/components/shell/account-trigger";

// The combobox (Radix popover, React Query) and the switch dialog load on first use, not with every page.
const combobox = loadOnDemand(() => import("@/components/shell/account-switcher-combobox").then((module) => module.AccountSwitcherCombobox));

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
