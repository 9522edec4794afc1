"use client";

import * as React from "react";
import { ChevronDown } from "lucide-react";
import { WithQueryClient } from "@/components/query-client";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ConnectedApp, PlanOption } from "@/lib/customers/reads/table";
import { formatNumber, plural } from "@/lib/format";
import { useCustomerSelection } from "../selection/customer-selection";
import { AppAccessDialog } from "./app-access-dialog";
import type { BulkActionDialogProps } from "./bulk-action-dialog";
import { CustomerManagerDialog } from "./customer-manager-dialog";
import { DeleteDialog, ExportDialog } from "./export-delete-dialogs";
import { ChangePlanDialog, ExtendTrialDialog, TrialDialog } from "./plan-trial-dialogs";

type Chosen =
  | "change_plan"
  | "start_trial"
  | "extend_trial"
  | "end_trial"
  | "set_app_access"
  | "add_to_customer_manager"
  | "remove_from_customer_manager"
  | "export"
  | "delete";

const MENU: (Chosen | "-")[] = [
  "change_plan",
  "-",
  "start_trial",
  "extend_trial",
  "end_trial",
  "-",
  "set_app_access",
  "add_to_customer_manager",
  "remove_from_customer_manager",
  "-",
  "export",
  "delete",
];

const LABELS: Record<Chosen, string> = {
  change_plan: "Change plan…",
  start_trial: "Start trial…",
  extend_trial: "Extend trial…",
  end_trial: "End trial…",
  set_app_access: "Set app access…",
  add_to_customer_manager: "Add to a customer manager…",
  remove_from_customer_manager: "Remove from a customer manager…",
  export: "Export CSV…",
  delete: "Delete customers…",
};

function ChosenDialog({ chosen, plans, apps, ...props }: BulkActionDialogProps & { chosen: Chosen; plans: PlanOption[]; apps: ConnectedApp[] }) {
  switch (chosen) {
    case "change_plan":
      return <ChangePlanDialog plans={plans} {...props} />;
    case "start_trial":
    case "end_trial":
      return <TrialDialog kind={chosen} {...props} />;
    case "extend_trial":
      return <ExtendTrialDialog {...props} />;
    case "set_app_access":
      return <AppAccessDialog apps={apps} {...props} />;
    case "add_to_customer_manager":
    case "remove_from_customer_manager":
      return <CustomerManagerDialog kind={chosen} {...props} />;
    case "export":
      return <ExportDialog {...props} />;
    case "delete":
      return <DeleteDialog {...props} />;
  }
}

/**
 * Above the Customers table once rows are selected (partner admins): what is selected, the offer to select the
 * whole view once the page is, and the bulk actions' menu, each opening its confirmation dialog.
 */
export function BulkActionsBar({ plans, apps }: { plans: PlanOption[]; apps: ConnectedApp[] }) {
  const selection = useCustomerSelection();
  const [chosen, setChosen] = React.useState<Chosen | null>(null);
  const [open, setOpen] = React.useState(false);
  const target = selection.target;
  if (!target) return null;

  const matching = `${formatNumber(selection.matching.value)}${selection.matching.capped ? "+" : ""}`;
  const moreThanPage = selection.matching.capped || selection.matching.value > selection.pageSize;
  const summary = selection.wholeView
    ? `All ${matching} ${selection.matching.value === 1 ? "customer" : "customers"} matching this view are selected.`
    : `${plural(selection.selectedIds.length, "customer")} selected on this page.`;

  return (
    <div role="region" aria-label="Selected customers" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm">
      <p aria-live="polite">{summary}</p>
      {selection.pageState === true && !selection.wholeView && moreThanPage ? (
        <Button variant="link" size="sm" onClick={selection.selectWholeView}>
          {`Select all ${matching} customers matching this view`}
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" onClick={selection.clear}>
        Clear selection
      </Button>
      <div className="ml-auto">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size="sm">
              Bulk actions
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {MENU.map((item, index) =>
              item === "-" ? (
                <DropdownMenuSeparator key={`separator-${index}`} />
              ) : (
                <DropdownMenuItem
                  key={item}
                  variant={item === "delete" ? "destructive" : undefined}
                  onSelect={() => {
                    setChosen(item);
                    setOpen(true);
                  }}
                >
                  {LABELS[item]}
                </DropdownMenuItem>
              ),
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      {chosen ? (
        <WithQueryClient>
          <ChosenDialog key={chosen} chosen={chosen} plans={plans} apps={apps} open={open} onOpenChange={setOpen} target={target} onStarted={selection.clear} />
        </WithQueryClient>
      ) : null}
    </div>
  );
}
