import "server-only";
import { and, eq } from "drizzle-orm";
import { apps, customerAppAccess, customers } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";

/**
 * Whether a customer may connect to an app (rule U23): every app while its app access is "all", only the selected
 * ones otherwise. Called wherever a connection is created for a customer (workspace and API), not only shown.
 */
export async function mayUseApp(tx: Queryable, partnerId: number, customerId: number, appId: number): Promise<boolean> {
  const [customer] = await tx
    .select({ appAccess: customers.appAccess })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.partnerId, partnerId)));
  if (!customer) throw notFound("Customer");
  const [app] = await tx.select({ id: apps.id }).from(apps).where(eq(apps.id, appId));
  if (!app) throw notFound("App");
  if (customer.appAccess === "all") return true;
  const [selected] = await tx
    .select({ appId: customerAppAccess.appId })
    .from(customerAppAccess)
    .where(and(eq(customerAppAccess.customerId, customerId), eq(customerAppAccess.appId, appId), eq(customerAppAccess.partnerId, partnerId)));
  return selected !== undefined;
}

export async function assertMayUseApp(tx: Queryable, partnerId: number, customerId: number, appId: number): Promise<void> {
  if (!(await mayUseApp(tx, partnerId, customerId, appId))) {
    throw forbidden("This app is not in the customer's App access list.");
  }
}
