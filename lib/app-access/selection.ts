import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { apps, customerAppAccess } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { customerCommand, type CommandPlan } from "@/lib/customers/commands/customer-command";
import { readCustomer, type CustomerRecord } from "@/lib/customers/reads/customer-record";
import type { Queryable } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { EMPTY_SELECTION, type AppAccessInput } from "./schema";
import { authorize, permits } from "@/lib/authorization/authorize";

export interface AppSummary {
  id: number;
  name: string;
  iconPath: string;
}

export interface AppAccessView {
  mode: "all" | "selected";
  /** The selected apps, by name; empty when the mode is "all". */
  selected: AppSummary[];
  /** The whole catalog, for the Edit window. */
  catalog: AppSummary[];
  canManage: boolean;
}

const appColumns = { id: apps.id, name: apps.name, iconPath: apps.iconPath };

async function selectedApps(tx: Queryable, partnerId: number, customerId: number): Promise<AppSummary[]> {
  return tx
    .select(appColumns)
    .from(customerAppAccess)
    .innerJoin(apps, eq(apps.id, customerAppAccess.appId))
    .where(and(eq(customerAppAccess.customerId, customerId), eq(customerAppAccess.partnerId, partnerId)))
    .orderBy(asc(apps.name));
}

export async function getAppAccess(ctx: RequestContext, customerId: number): Promise<AppAccessView> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const catalog = await appCatalog(tx);
    return {
      mode: customer.appAccess,
      selected: customer.appAccess === "selected" ? await selectedApps(tx, ctx.partnerId, customer.id) : [],
      catalog,
      canManage: permits(ctx, "customers.write"),
    };
  });
}

/**
 * The change to a customer's app access (rule U24), for Apply changes and for a bulk job alike: "all", or exactly
 * `chosen`, with the old and new values by name. `before` is the customer's selected apps (empty under "all").
 */
export function appAccessChange(
  customer: Pick<CustomerRecord, "id" | "appAccess">,
  before: readonly AppSummary[],
  chosen: readonly AppSummary[] | "all",
): CommandPlan {
  const names = (list: readonly AppSummary[]) => list.map((app) => app.name).sort((a, b) => a.localeCompare(b));
  const mode = chosen === "all" ? "all" : "selected";
  const apps = chosen === "all" ? [] : chosen;
  return {
    action: "customer.app_access_changed",
    changes: {
      appAccess: { from: customer.appAccess, to: mode },
      apps: { from: names(before), to: names(apps) },
    },
    set: { appAccess: mode },
    selectedAppIds: apps.map((app) => app.id),
  };
}

/** The selected apps of many customers at once (a bulk job's batch), by customer. */
export async function selectedAppsOf(tx: Queryable, partnerId: number, customerIds: readonly number[]): Promise<Map<number, AppSummary[]>> {
  const rows = await tx
    .select({ customerId: customerAppAccess.customerId, ...appColumns })
    .from(customerAppAccess)
    .innerJoin(apps, eq(apps.id, customerAppAccess.appId))
    .where(and(inArray(customerAppAccess.customerId, [...customerIds]), eq(customerAppAccess.partnerId, partnerId)))
    .orderBy(asc(apps.name));
  const byCustomer = new Map<number, AppSummary[]>();
  for (const { customerId, ...app } of rows) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), app]);
  return byCustomer;
}

/** The app catalog, by name. */
export async function appCatalog(tx: Queryable): Promise<AppSummary[]> {
  return tx.select(appColumns).from(apps).orderBy(asc(apps.name));
}

/**
 * Apply changes (rule U24): "All apps", or exactly the chosen apps. A selection is a list of rows, so an app
 * released later is in it only once someone adds it. Enforced by `assertMayUseApp` wherever a connection is made.
 */
export async function updateAppAccess(ctx: RequestContext, input: AppAccessInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, async (tx, customer) => {
    if (!input.allApps && input.appIds.length === 0) throw invalid(EMPTY_SELECTION, { appIds: [EMPTY_SELECTION] });
    const chosen = input.allApps ? [] : await tx.select(appColumns).from(apps).where(inArray(apps.id, input.appIds));
    if (chosen.length !== input.appIds.length) {
      throw invalid("Some of the chosen apps are not in the catalog any more. Reload and choose again.");
    }
    const before = customer.appAccess === "selected" ? await selectedApps(tx, ctx.partnerId, customer.id) : [];
    return appAccessChange(customer, before, input.allApps ? "all" : chosen);
  });
}
