import type { Metadata } from "next";
import { Plug } from "lucide-react";

import { ConnectAppButton } from "./_components/connect-app-button";
import { DisconnectButton } from "./_components/disconnect-button";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { listConnectableApps, listConnections } from "@/lib/workspace/connections";
import { permits } from "@/lib/authorization/authorize";
import { AppIcon } from "@/components/apps/app-icon";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableActionsCell, TableActionsHead, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const ctx = await requireWorkspacePage();
  const canManage = permits(ctx, "workspace.connections.manage");
  const connections = await listConnections(ctx);
  const apps = canManage ? await listConnectableApps(ctx) : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Connections</h1>
          <p className="text-sm text-muted-foreground">The apps this account&apos;s recipes connect to.</p>
        </div>
        {canManage ? <ConnectAppButton apps={apps} /> : null}
      </div>
      {connections.length === 0 ? (
        <EmptyState icon={Plug} title="No connections yet" description="Connect an app to use it in recipes." />
      ) : (
        <Table aria-label="Connections">
          <TableHeader>
            <TableRow>
              <TableHead>App</TableHead>
              <TableHead>Connection</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created by</TableHead>
              <TableHead>Created</TableHead>
              {canManage ? <TableActionsHead /> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {connections.map((connection) => (
              <TableRow key={connection.id}>
                <TableCell>
                  <span className="flex items-center gap-2">
                    <AppIcon src={connection.appIconPath} />
                    {connection.appName}
                  </span>
                </TableCell>
                <TableCell className="font-medium">{connection.name}</TableCell>
                <TableCell>
                  {connection.authenticated ? <Badge variant="success">Authenticated</Badge> : <Badge variant="warning">Not authenticated</Badge>}
                </TableCell>
                <TableCell>{connection.createdByName ?? "—"}</TableCell>
                <TableCell className="text-muted-foreground">{formatDate(connection.createdAt)}</TableCell>
                {canManage ? (
                  <TableActionsCell>
                    <DisconnectButton connection={{ id: connection.id, name: connection.name }} />
                  </TableActionsCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
