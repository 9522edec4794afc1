import "server-only";
import { and, eq } from "drizzle-orm";
import { customers, plans } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, invalid } from "@/lib/errors";
import { EXTERNAL_ID_TAKEN } from "./add-customer-input";
import { findManagedUser, toManagedUser, type ManagedUser } from "./managed-user";
import { trialAfterChoosingPlan } from "./plan";
import { trialEndFrom } from "./plan-rules";

/** The fields a customer update may change; an absent field stays as it is, `null` clears an optional one. */
export interface CustomerPatch {
  name?: string;
  notificationEmail?: string;
  planId?: number;
  externalId?: string | null;
  iframeOrigins?: string[] | null;
  /** true starts a 30-day trial from now (rule U21, and extends one, U22); false ends it (an active subscription). */
  inTrial?: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Changes only the given fields of a customer, in one transaction with one audit event listing what changed. */
export async function updateCustomer(ctx: RequestContext, reference: string, patch: CustomerPatch): Promise<ManagedUser> {
  try {
    return await inPartnerScope(ctx, async (tx) => {
      const current = await findManagedUser(tx, ctx, reference);
      const next: Partial<typeof customers.$inferInsert> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const change = <K extends keyof typeof next>(field: K, from: unknown, to: (typeof next)[K]) => {
        if (sameValue(from, to)) return;
        next[field] = to;
        changes[field] = { from, to };
      };
      if (patch.name !== undefined) change("name", current.name, patch.name);
      if (patch.notificationEmail !== undefined) change("notificationEmail", current.notificationEmail, patch.notificationEmail);
      if (patch.externalId !== undefined) change("externalId", current.externalId, patch.externalId);
      if (patch.iframeOrigins !== undefined) change("iframeOrigins", current.iframeOrigins, patch.iframeOrigins ?? []);
      if (patch.planId !== undefined && patch.planId !== current.planId) {
        const [plan] = await tx
          .select({ id: plans.id })
          .from(plans)
          .where(and(eq(plans.id, patch.planId), eq(plans.partnerId, ctx.partnerId)));
        if (!plan) throw invalid("Choose one of your plans.", { planId: ["No plan of yours has this ID."] });
        change("planId", current.planId, plan.id);
      }
      if (patch.planId !== undefined && patch.inTrial === undefined) {
        change("trialEndsAt", current.trialEndsAt, trialAfterChoosingPlan(current.trialEndsAt, ctx.now));
      }
      if (patch.inTrial === true) {
        change("trialEndsAt", current.trialEndsAt, trialEndFrom(ctx.now));
      } else if (patch.inTrial === false && current.trialEndsAt !== null) {
        change("trialEndsAt", current.trialEndsAt, null);
      }
      if (Object.keys(changes).length === 0) return toManagedUser(current, ctx.now);
      const [row] = await tx
        .update(customers)
        .set({ ...next, updatedAt: ctx.now })
        .where(and(eq(customers.id, current.id), eq(customers.partnerId, ctx.partnerId)))
        .returning({ id: customers.id });
      await recordAudit(tx, ctx, {
        action: "customer.updated",
        targetType: "customer",
        targetId: row!.id,
        customer: { id: current.id, name: next.name ?? current.name },
        changes,
      });
      return toManagedUser({ ...current, ...next, updatedAt: ctx.now } as typeof current, ctx.now);
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_partner_external_id_key")) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
    throw error;
  }
}
