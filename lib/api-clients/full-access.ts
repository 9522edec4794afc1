import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { partnerMembers, partners, users } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { createApiClient } from "./commands";
import { createApiClientSchema } from "./input";
import { API_SCOPES, ENVIRONMENT_TYPES } from "./scopes";

/**
 * Creates a client with every permission for a partner, on behalf of its first admin (`npm run api-token`, tests).
 * Goes through `createApiClient`, like the console's dialog.
 */
export async function createFullAccessClient(partnerName: string, name: string, at: Date): Promise<{ id: number; token: string }> {
  const [admin] = await getDatabase()
    .select({ partnerId: partners.id, partnerName: partners.name, userId: users.id, name: users.name, email: users.email, avatarUrl: users.avatarUrl })
    .from(partners)
    .innerJoin(partnerMembers, and(eq(partnerMembers.partnerId, partners.id), eq(partnerMembers.role, "admin")))
    .innerJoin(users, eq(users.id, partnerMembers.userId))
    .where(eq(partners.name, partnerName))
    .orderBy(sql`${partnerMembers.id}`)
    .limit(1);
  if (!admin) throw notFound(`Partner "${partnerName}" with an admin`);
  const ctx: RequestContext = {
    partnerId: admin.partnerId,
    partnerName: admin.partnerName,
    actor: {
      kind: "user",
      userId: admin.userId,
      name: admin.name,
      email: admin.email,
      avatarUrl: admin.avatarUrl,
      partnerRole: "admin",
      sessionIdHash: "script",
    },
    account: { kind: "partner" },
    now: at,
    ip: null,
    userAgent: "api-token script",
  };
  const input = createApiClientSchema.parse({ name, scopes: [...API_SCOPES], environmentTypes: [...ENVIRONMENT_TYPES], projectNames: [] });
  const { client, token } = await createApiClient(ctx, input);
  return { id: client.id, token };
}
