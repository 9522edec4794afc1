import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { listApiClients } from "@/lib/api-clients/commands";
import { ApiClientsView } from "./_components/api-clients-view";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "API clients" };

/** API clients: the bearer tokens of the REST API, created, listed with their last use, and revoked. */
export default async function ApiClientsPage() {
  const ctx = await requireConsolePage();
  const clients = await listApiClients(ctx);
  return <ApiClientsView clients={clients} canManage={permits(ctx, "api_clients.write")} />;
}
