import type { Metadata } from "next";

import { requireWorkspacePage } from "@/lib/workspace/context";
import { WorkspaceShell } from "@/components/workspace/workspace-shell";

export const metadata: Metadata = { title: { template: "%s · Customer workspace", default: "Customer workspace" } };

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireWorkspacePage();
  const endsAt = ctx.account.switchExpiresAt;
  return (
    <WorkspaceShell
      customerName={ctx.account.customerName}
      roleName={ctx.workspace.roleName}
      user={{ name: ctx.actor.name, email: ctx.actor.email, avatarUrl: ctx.actor.avatarUrl }}
      switch={endsAt ? { endsAt: endsAt.toISOString(), renderedAt: ctx.now.toISOString() } : null}
      embedded={ctx.account.embedded !== undefined}
    >
      {children}
    </WorkspaceShell>
  );
}
