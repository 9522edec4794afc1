"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/commands";
import { createApiClientSchema, revokeApiClientSchema } from "@/lib/api-clients/input";

/** **Create API client**: partner admins only. The token comes back this once. */
export const createApiClientAction = consoleAction(createApiClientSchema, async (ctx, input) => {
  const created = await createApiClient(ctx, input);
  revalidatePath("/api-clients");
  return created;
});

/** **Revoke**: partner admins only; the token stops working at once. */
export const revokeApiClientAction = consoleAction(revokeApiClientSchema, async (ctx, input) => {
  const revoked = await revokeApiClient(ctx, input.id);
  revalidatePath("/api-clients");
  return revoked;
});
