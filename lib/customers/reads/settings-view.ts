import "server-only";
import { asc, eq } from "drizzle-orm";
import { partners, plans } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { readCustomer } from "./customer-record";
import { effectiveOrigins } from "@/lib/customers/origins";
import { effectivePlan, type TrialState } from "@/lib/customers/plan";
import { permits } from "@/lib/authorization/authorize";
import { authorize } from "@/lib/authorization/authorize";

export interface CustomerSettingsView {
  id: number;
  name: string;
  notificationEmail: string;
  externalId: string | null;
  /** The partner's plans, Free included, in the partner's order (rule U20). */
  plans: { id: number; name: string; isFree: boolean }[];
  /** The plan the customer is on now: the Free plan once a trial has ended (decision D1). */
  effectivePlanId: number;
  trial: TrialState;
  partnerOrigins: string[];
  customerOrigins: string[];
  effectiveOrigins: string[];
  /** Whether the viewer may change these settings (partner admins only). */
  canManage: boolean;
}

export async function getCustomerSettings(ctx: RequestContext, customerId: number): Promise<CustomerSettingsView> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const planRows = await tx
      .select({ id: plans.id, name: plans.name, isFree: plans.isFree })
      .from(plans)
      .where(eq(plans.partnerId, ctx.partnerId))
      .orderBy(asc(plans.position), asc(plans.id));
    const [partner] = await tx.select({ iframeOrigins: partners.iframeOrigins }).from(partners).where(eq(partners.id, ctx.partnerId));
    const partnerOrigins = partner?.iframeOrigins ?? [];
    const effective = effectivePlan(customer, ctx.now);
    return {
      id: customer.id,
      name: customer.name,
      notificationEmail: customer.notificationEmail,
      externalId: customer.externalId,
      plans: planRows,
      effectivePlanId: effective.plan.id,
      trial: effective.trial,
      partnerOrigins,
      customerOrigins: customer.iframeOrigins,
      effectiveOrigins: effectiveOrigins(partnerOrigins, customer.iframeOrigins),
      canManage: permits(ctx, "customers.write"),
    };
  });
}
