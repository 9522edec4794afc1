import "server-only";
import { and, eq } from "drizzle-orm";
import { customers, partners } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { customerCommand } from "@/lib/customers/commands/customer-command";
import { readCustomer } from "@/lib/customers/reads/customer-record";
import type { Queryable } from "@/lib/db";
import { effectiveChoice, NOTIFICATION_KINDS, partnerDefault, readChoices, type NotificationChoices, type NotificationKind } from "./kinds";
import type { CustomerNotificationInput, NotificationDefaultInput } from "./schema";
import { authorize, permits } from "@/lib/authorization/authorize";

export interface NotificationSettingRow {
  kind: NotificationKind;
  /** The customer's own choice; null follows the partner's default. */
  choice: boolean | null;
  partnerDefault: boolean;
  effective: boolean;
}

export interface NotificationSettingsView {
  notificationEmail: string;
  rows: NotificationSettingRow[];
  canManage: boolean;
}

async function partnerDefaults(tx: Queryable, partnerId: number): Promise<NotificationChoices> {
  const [row] = await tx.select({ defaults: partners.notificationDefaults }).from(partners).where(eq(partners.id, partnerId));
  return readChoices(row?.defaults);
}

/** Settings › Notifications of one customer: each event with the customer's choice, the partner's default and the outcome. */
export async function getCustomerNotificationSettings(ctx: RequestContext, customerId: number): Promise<NotificationSettingsView> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const [row] = await tx
      .select({ settings: customers.notificationSettings })
      .from(customers)
      .where(and(eq(customers.id, customer.id), eq(customers.partnerId, ctx.partnerId)));
    const own = readChoices(row?.settings);
    const defaults = await partnerDefaults(tx, ctx.partnerId);
    return {
      notificationEmail: customer.notificationEmail,
      rows: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        choice: own[kind] ?? null,
        partnerDefault: partnerDefault(defaults, kind),
        effective: effectiveChoice(own, defaults, kind),
      })),
      canManage: permits(ctx, "customers.write"),
    };
  });
}

const choiceName = (value: boolean | null | undefined) => (value === undefined || value === null ? "default" : value ? "on" : "off");

/**
 * One event of a customer's Settings › Notifications: on, off, or back to the partner's default. A customer
 * command (partner admins only, the customer locked, audited in the same transaction).
 */
export async function setCustomerNotification(ctx: RequestContext, input: CustomerNotificationInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, async (tx, customer) => {
    const [row] = await tx
      .select({ settings: customers.notificationSettings })
      .from(customers)
      .where(and(eq(customers.id, customer.id), eq(customers.partnerId, ctx.partnerId)));
    const current = readChoices(row?.settings);
    const next: NotificationChoices = { ...current };
    if (input.choice === "default") delete next[input.kind];
    else next[input.kind] = input.choice === "on";
    return {
      action: "customer.notifications_changed",
      changes: { [input.kind]: { from: choiceName(current[input.kind]), to: input.choice } },
      set: { notificationSettings: next },
    };
  });
}

export interface NotificationDefaultsView {
  rows: { kind: NotificationKind; enabled: boolean }[];
  canManage: boolean;
}

/** The partner's default notifications (the Notifications page): every team member sees them. */
export async function getNotificationDefaults(ctx: RequestContext): Promise<NotificationDefaultsView> {
  await authorize(ctx, "notifications.read");
  return inPartnerScope(ctx, async (tx) => {
    const defaults = await partnerDefaults(tx, ctx.partnerId);
    return {
      rows: NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: partnerDefault(defaults, kind) })),
      canManage: permits(ctx, "notifications.write"),
    };
  });
}

/**
 * Turns one event on or off for every customer that has no choice of its own. Partner admins only; the partner's
 * row is locked so that two admins' changes to different events both stand. Audited in the same transaction.
 */
export async function setNotificationDefault(ctx: RequestContext, input: NotificationDefaultInput): Promise<{ changed: boolean }> {
  await authorize(ctx, "notifications.write");
  return inPartnerScope(ctx, async (tx) => {
    const [row] = await tx.select({ defaults: partners.notificationDefaults }).from(partners).where(eq(partners.id, ctx.partnerId)).for("update");
    const current = readChoices(row?.defaults);
    const from = partnerDefault(current, input.kind);
    if (from === input.enabled) return { changed: false };
    await tx
      .update(partners)
      .set({ notificationDefaults: { ...current, [input.kind]: input.enabled } })
      .where(eq(partners.id, ctx.partnerId));
    await recordAudit(tx, ctx, {
      action: "partner.notification_defaults_changed",
      targetType: "partner",
      targetId: ctx.partnerId,
      changes: { [input.kind]: { from: from ? "on" : "off", to: input.enabled ? "on" : "off" } },
    });
    return { changed: true };
  });
}
