import "server-only";
import { inArray } from "drizzle-orm";
import { apps } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { appAccessChange, appCatalog, selectedAppsOf, type AppSummary } from "@/lib/app-access/selection";
import { EMPTY_SELECTION } from "@/lib/app-access/schema";
import { applyPlansMany } from "@/lib/customers/commands/customer-command";
import { readCustomers } from "@/lib/customers/reads/customer-record";
import { CUSTOMER_GONE, type PreparedAction } from "../runners";
import type { ParsedBulkAction } from "../types";

type SetAppAccess = Extract<ParsedBulkAction, { type: "set_app_access" }>;

const plural = (count: number) => `${count} app${count === 1 ? "" : "s"}`;

/**
 * Set App access (rules U23, U24) through the decider of Apply changes: all apps; or these apps added to each
 * customer's selection (a customer on All apps has them already); or removed from it (a customer on All apps keeps
 * every other app of the catalog). A customer whose selection would be left empty is skipped, with the reason, as
 * Apply changes refuses an empty selection.
 */
export async function appAccessAction(tx: Transaction, _ctx: RequestContext, action: SetAppAccess): Promise<PreparedAction> {
  const ids = [...new Set(action.appIds)];
  if (action.mode !== "all" && ids.length === 0) throw invalid("Choose at least one app.", { "action.appIds": ["Choose at least one app."] });
  const chosen = ids.length > 0 ? await tx.select({ id: apps.id, name: apps.name, iconPath: apps.iconPath }).from(apps).where(inArray(apps.id, ids)) : [];
  if (chosen.length !== ids.length) throw invalid("Choose apps of the catalog.", { "action.appIds": ["One of these apps is not in the catalog."] });
  const names = chosen
    .map((app) => app.name)
    .sort((a, b) => a.localeCompare(b))
    .join(", ");
  const label =
    action.mode === "all"
      ? "Allow all apps"
      : action.mode === "add"
        ? `Add ${plural(ids.length)} to App access: ${names}`
        : `Remove ${plural(ids.length)} from App access: ${names}`;
  const wanted = new Set(ids);
  return {
    label,
    async runBatch(batchTx, ctx, customerIds) {
      const found = await readCustomers(batchTx, ctx, customerIds);
      const before = await selectedAppsOf(
        batchTx,
        ctx.partnerId,
        found.map((customer) => customer.id),
      );
      const catalog = action.mode === "remove" ? await appCatalog(batchTx) : [];
      const errors: { customerId: number; reason: string }[] = [];
      const decided = found.flatMap((customer) => {
        const selected = before.get(customer.id) ?? [];
        if (action.mode === "all") return [{ customer, plans: [appAccessChange(customer, selected, "all")] }];
        if (action.mode === "add") {
          if (customer.appAccess === "all") return [];
          const union = new Map<number, AppSummary>([...selected, ...chosen].map((app) => [app.id, app]));
          return [{ customer, plans: [appAccessChange(customer, selected, [...union.values()])] }];
        }
        const left = (customer.appAccess === "all" ? catalog : selected).filter((app) => !wanted.has(app.id));
        if (left.length === 0) {
          errors.push({ customerId: customer.id, reason: EMPTY_SELECTION });
          return [];
        }
        return [{ customer, plans: [appAccessChange(customer, selected, left)] }];
      });
      const changed = await applyPlansMany(batchTx, ctx, decided);
      const present = new Set(found.map((customer) => customer.id));
      for (const customerId of customerIds) if (!present.has(customerId)) errors.push({ customerId, reason: CUSTOMER_GONE });
      return { changed: changed.length, failed: errors.length, errors };
    },
  };
}
