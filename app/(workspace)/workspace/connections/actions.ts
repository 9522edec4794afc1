"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/transport/workspace-action";
import { connectApp, disconnect } from "@/lib/workspace/connections";
import { connectAppSchema, disconnectSchema } from "@/lib/workspace/schemas";

/** Connect an app (only one that App access allows; the command checks it). */
export const connect = workspaceAction(connectAppSchema, async (ctx, input) => {
  const created = await connectApp(ctx, input);
  revalidatePath("/workspace/connections");
  return created;
});

/** Disconnect (remove) a connection. */
export const disconnectConnection = workspaceAction(disconnectSchema, async (ctx, input) => {
  await disconnect(ctx, input);
  revalidatePath("/workspace/connections");
  return null;
});
