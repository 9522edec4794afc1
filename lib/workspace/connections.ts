import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { apps, connections } from "@/db/schema";
import { assertMayUseApp } from "@/lib/app-access/enforce";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { connectAppSchema, disconnectSchema } from "./schemas";
import { inWorkspace } from "./scope";
import { authorize } from "@/lib/authorization/authorize";

export type ConnectionRow = {
  id: number;
  name: string;
  authenticated: boolean;
  appName: string;
  appIconPath: string;
  createdByName: string | null;
  createdAt: Date;
};

/** The account's connections, by app and name. */
export async function listConnections(ctx: RequestContext): Promise<ConnectionRow[]> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) => {
    const rows = await tx.execute<ConnectionRow>(sql`
      select c.id, c.name, c.authenticated, a.name as "appName", a.icon_path as "appIconPath",
             u.name as "createdByName", c.created_at as "createdAt"
        from connections c join apps a on a.id = c.app_id left join users u on u.id = c.created_by_id
       where c.customer_id = ${customerId} and c.partner_id = ${ctx.partnerId}
       order by lower(a.name), lower(c.name), c.id`);
    return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
  });
}

export type AppOption = { id: number; name: string; iconPath: string };

/** The apps this account may discover and connect to (rule U23): all of them, or only the selected ones. */
export async function listConnectableApps(ctx: RequestContext): Promise<AppOption[]> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) =>
    tx.execute<AppOption>(sql`
      select a.id, a.name, a.icon_path as "iconPath" from apps a
       where exists (select 1 from customers c where c.id = ${customerId} and c.partner_id = ${ctx.partnerId}
                        and (c.app_access = 'all'
                             or exists (select 1 from customer_app_access x where x.customer_id = c.id and x.app_id = a.id)))
       order by lower(a.name)`),
  );
}

/** Connects an app, only one the account's App access allows (rule U23), for roles that manage connections. */
export async function connectApp(ctx: RequestContext, input: z.output<typeof connectAppSchema>): Promise<{ id: number }> {
  await authorize(ctx, "workspace.connections.manage");
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return inWorkspace(ctx, "connections.manage", async (tx, access, customerId) => {
    await assertMayUseApp(tx, ctx.partnerId, customerId, input.appId);
    const [app] = await tx.select({ name: apps.name }).from(apps).where(eq(apps.id, input.appId));
    const [created] = await tx
      .insert(connections)
      .values({ partnerId: ctx.partnerId, customerId, appId: input.appId, name: input.name, authenticated: true, createdById: userId, createdAt: ctx.now })
      .returning({ id: connections.id });
    await recordAudit(
      tx,
      ctx,
      { action: "connection.create", targetType: "connection", targetId: created!.id, changes: { app: app?.name, name: { from: null, to: input.name } } },
      access.actingAs,
    );
    return { id: created!.id };
  });
}

/** Disconnects (removes) a connection of the account. */
export async function disconnect(ctx: RequestContext, input: z.output<typeof disconnectSchema>): Promise<void> {
  await authorize(ctx, "workspace.connections.manage");
  await inWorkspace(ctx, "connections.manage", async (tx, access, customerId) => {
    const [removed] = await tx
      .delete(connections)
      .where(and(eq(connections.id, input.connectionId), eq(connections.customerId, customerId), eq(connections.partnerId, ctx.partnerId)))
      .returning({ id: connections.id, name: connections.name, appId: connections.appId });
    if (!removed) throw notFound("Connection");
    const [app] = await tx.select({ name: apps.name }).from(apps).where(eq(apps.id, removed.appId));
    await recordAudit(
      tx,
      ctx,
      { action: "connection.delete", targetType: "connection", targetId: removed.id, changes: { app: app?.name, name: { from: removed.name, to: null } } },
      access.actingAs,
    );
  });
}
