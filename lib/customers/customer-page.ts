import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { maySwitchInto } from "@/lib/workspace-access/switching";
import { readCustomer } from "./customer-record";
import { effectivePlan } from "./plan";
import type { CustomerStatus } from "./status";

export interface CustomerHeader {
  id: number;
  name: string;
  externalId: string | null;
  planName: string;
  status: CustomerStatus;
  createdAt: Date;
  /** Whether to offer **Switch to this account** (rule U18), decided on the server. */
  maySwitch: boolean;
}

/** What the customer page shows above its tabs. Throws NOT_FOUND for an unknown or another partner's customer. */
export async function getCustomerHeader(ctx: RequestContext, customerId: number): Promise<CustomerHeader> {
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const { plan, status } = effectivePlan(customer, ctx.now);
    return {
      id: customer.id,
      name: customer.name,
      externalId: customer.externalId,
      planName: plan.name,
      status,
      createdAt: customer.createdAt,
      maySwitch: await maySwitchInto(tx, ctx, customer.id),
    };
  });
}
