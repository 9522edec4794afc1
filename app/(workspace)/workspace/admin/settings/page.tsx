import type { Metadata } from "next";

import { TeamNameForm } from "./_components/team-name-form";
import { SameNameNotice } from "@/components/customers/same-name-warning";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { teamNameShared } from "@/lib/workspace/settings";
import { permits } from "@/lib/authorization/authorize";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

export default async function WorkspaceSettingsPage() {
  const ctx = await requireWorkspacePage();
  const canEdit = permits(ctx, "workspace.collaborators.manage");
  const shared = canEdit ? await teamNameShared(ctx) : null;
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
        <CardContent className="grid gap-4">
          <TeamNameForm key={ctx.account.customerName} name={ctx.account.customerName} canEdit={canEdit} />
          {/* The partner console is out of reach while switched in, so the other customer is named, not linked. */}
          {shared ? <SameNameNotice sameName={shared} link={false} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
