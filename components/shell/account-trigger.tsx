import { Building2 } from "lucide-react";

// What the account switcher's button shows, in a file of its own: the closed switcher (account-switcher.tsx) and the
// combobox it loads on first use both draw it, and neither may import the other back.

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

export type AccountSwitcherProps = {
  /** The account the person is in: the partner's, or (switched in) the customer's. */
  currentName: string;
  /** Switched into a customer account: lists the others, and switching ends this switch first (issue 12). */
  inCustomer?: boolean;
};
