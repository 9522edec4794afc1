import type { Metadata } from "next";

import { TeamNameForm } from "./_components/team-name-form";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { hasPermission } from "@/lib/workspace/permissions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

export default async function WorkspaceSettingsPage() {
  const ctx = await requireWorkspacePage();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          Workspace admin <span aria-hidden="true">›</span> Settings
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Team name</CardTitle>
          <CardDescription>The customer&apos;s name is changed here, from inside the account.</CardDescription>
        </CardHeader>
        <CardContent>
          <TeamNameForm
            key={ctx.account.customerName}
            name={ctx.account.customerName}
            canEdit={hasPermission(ctx.workspace.permissions, "collaborators.manage")}
          />
        </CardContent>
      </Card>
    </div>
  );
}
