import "server-only";
import { and, eq } from "drizzle-orm";
import { customerManagers } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { maySwitchInto } from "@/lib/workspace-access/switching";
import { readCustomer } from "./customer-record";
import { effectivePlan } from "@/lib/customers/plan";
import type { CustomerStatus } from "@/lib/customers/status";
import { authorize } from "@/lib/authorization/authorize";

export interface CustomerHeader {
  id: number;
  name: string;
  externalId: string | null;
  planName: string;
  status: CustomerStatus;
  createdAt: Date;
  /** Whether to offer **Switch to this account** (rule U18), decided on the server. */
  maySwitch: boolean;
  /**
   * For a partner admin who may not enter: how it can, by making itself a customer manager of this customer
   * (`assign`), or by adding it to the customers it already manages (`edit`). Null for everyone else.
   */
  selfAssignment: null | { kind: "assign" } | { kind: "edit"; managerId: number };
}

/** What the customer page shows above its tabs. Throws NOT_FOUND for an unknown or another partner's customer. */
export async function getCustomerHeader(ctx: RequestContext, customerId: number): Promise<CustomerHeader> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const { plan, status } = effectivePlan(customer, ctx.now);
    const maySwitch = await maySwitchInto(tx, ctx, customer.id);
    return {
      id: customer.id,
      name: customer.name,
      externalId: customer.externalId,
      planName: plan.name,
      status,
      createdAt: customer.createdAt,
      maySwitch,
      selfAssignment: maySwitch ? null : await selfAssignment(tx, ctx),
    };
  });
}

async function selfAssignment(tx: Queryable, ctx: RequestContext): Promise<CustomerHeader["selfAssignment"]> {
  if (ctx.actor.kind !== "user" || ctx.actor.partnerRole !== "admin") return null;
  const [manager] = await tx
    .select({ id: customerManagers.id })
    .from(customerManagers)
    .where(and(eq(customerManagers.partnerId, ctx.partnerId), eq(customerManagers.userId, ctx.actor.userId)));
  return manager ? { kind: "edit", managerId: manager.id } : { kind: "assign" };
}
