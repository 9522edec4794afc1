import "server-only";
import { and, asc, eq, exists, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { apps, connections, customerAppAccess, customers, users } from "@/db/schema";
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
    return tx
      .select({
        id: connections.id,
        name: connections.name,
        authenticated: connections.authenticated,
        appName: apps.name,
        appIconPath: apps.iconPath,
        createdByName: users.name,
        createdAt: connections.createdAt,
      })
      .from(connections)
      .innerJoin(apps, eq(apps.id, connections.appId))
      .leftJoin(users, eq(users.id, connections.createdById))
      .where(and(eq(connections.customerId, customerId), eq(connections.partnerId, ctx.partnerId)))
      .orderBy(asc(sql`lower(${apps.name})`), asc(sql`lower(${connections.name})`), asc(connections.id));
  });
}

export type AppOption = { id: number; name: string; iconPath: string };

/** The apps this account may discover and connect to (rule U23): all of them, or only the selected ones. */
export async function listConnectableApps(ctx: RequestContext): Promise<AppOption[]> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) =>
    tx
      .select({ id: apps.id, name: apps.name, iconPath: apps.iconPath })
      .from(apps)
      .where(
        exists(
          tx
            .select({ one: sql`1` })
            .from(customers)
            .where(
              and(
                eq(customers.id, customerId),
                eq(customers.partnerId, ctx.partnerId),
                or(
                  eq(customers.appAccess, "all"),
                  exists(
                    tx
                      .select({ one: sql`1` })
                      .from(customerAppAccess)
                      .where(and(eq(customerAppAccess.customerId, customers.id), eq(customerAppAccess.appId, apps.id))),
                  ),
                ),
              ),
            ),
        ),
      )
      .orderBy(asc(sql`lower(${apps.name})`)),
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
