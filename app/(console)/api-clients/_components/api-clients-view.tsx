"use client";

import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { confirmed } from "@/components/forms/confirmed";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableActionsCell, TableActionsHead, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiClientSummary } from "@/lib/api-clients/commands";
import { API_SCOPES, SCOPE_LABELS, type ApiScope } from "@/lib/api-clients/scopes";
import { revokeApiClientAction } from "../actions";
import { CreateApiClientDialog } from "./create-api-client-dialog";
import { LocalTime } from "@/components/ui/local-time";

function statusOf(client: ApiClientSummary): { label: string; variant: "secondary" | "destructive" | "outline" } {
  if (client.revokedAt) return { label: "Revoked", variant: "destructive" };
  if (client.expiresAt && new Date(client.expiresAt) <= new Date()) return { label: "Expired", variant: "outline" };
  return { label: "Active", variant: "secondary" };
}

export function ApiClientsView({ clients, canManage }: { clients: ApiClientSummary[]; canManage: boolean }) {
  const [creating, setCreating] = useState(false);

  const revoke = (client: ApiClientSummary) =>
    confirmed(
      () => revokeApiClientAction({ id: client.id }),
      () => `${client.name} was revoked. Its token no longer works.`,
    );

  const add = canManage ? (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" /> Create API client
    </Button>
  ) : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API clients</h1>
          <p className="text-sm text-muted-foreground">
            Each client has a bearer token for the REST API (<code>Authorization: Bearer &lt;api_token&gt;</code>) and acts for your account only.
          </p>
        </div>
        {add}
      </div>
      {clients.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API clients yet" description="Create a client to call the REST API from your own systems." action={add} />
      ) : (
        <Table aria-label="API clients">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Token</TableHead>
              <TableHead>Permissions</TableHead>
              <TableHead>Environments</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead>Status</TableHead>
              <TableActionsHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {clients.map((client) => {
              const status = statusOf(client);
              return (
                <TableRow key={client.id}>
                  <TableCell className="font-medium">
                    {client.name}
                    <div className="text-xs text-muted-foreground">
                      Created <LocalTime value={client.createdAt} />
                    </div>
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{client.tokenPrefix}…</code>
                  </TableCell>
                  <TableCell className="max-w-72 text-xs text-muted-foreground">
                    {API_SCOPES.every((scope) => client.scopes.includes(scope))
                      ? "Full access"
                      : client.scopes.map((scope) => SCOPE_LABELS[scope as ApiScope] ?? scope).join(", ")}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">
                    {client.environmentTypes.join(", ")}
                    {client.projectNames.length > 0 ? <div>Projects: {client.projectNames.join(", ")}</div> : null}
                  </TableCell>
                  <TableCell className="text-sm">{client.lastUsedAt ? <LocalTime value={client.lastUsedAt} /> : "Never"}</TableCell>
                  <TableCell>
                    <Badge variant={status.variant}>{status.label}</Badge>
                    {client.expiresAt && !client.revokedAt ? (
                      <div className="text-xs text-muted-foreground">
                        Expires <LocalTime value={client.expiresAt} />
                      </div>
                    ) : null}
                  </TableCell>
                  <TableActionsCell className="w-auto">
                    {canManage && !client.revokedAt ? (
                      <ConfirmDialog
                        trigger={
                          <Button variant="outline" size="sm" aria-label={`Revoke ${client.name}`}>
                            Revoke
                          </Button>
                        }
                        title={`Revoke ${client.name}?`}
                        description="Its token stops working at once, for every script and system that uses it. This cannot be undone."
                        confirmLabel="Revoke"
                        destructive
                        onConfirm={() => revoke(client)}
                      />
                    ) : null}
                  </TableActionsCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <CreateApiClientDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
