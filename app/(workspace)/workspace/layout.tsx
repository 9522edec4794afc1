import type { Metadata } from "next";

import { requireWorkspacePage } from "@/lib/workspace/context";
import { WorkspaceShell } from "@/components/workspace/workspace-shell";

export const metadata: Metadata = { title: { template: "%s · Customer workspace", default: "Customer workspace" } };

const timeFormat = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireWorkspacePage();
  const endsAt = ctx.account.switchExpiresAt;
  return (
    <WorkspaceShell
      customerName={ctx.account.customerName}
      roleName={ctx.workspace.roleName}
      user={{ name: ctx.actor.name, email: ctx.actor.email, avatarUrl: ctx.actor.avatarUrl }}
      switchEndsAt={endsAt ? `${timeFormat.format(endsAt)} UTC` : null}
      embedded={ctx.account.embedded !== undefined}
    >
      {children}
    </WorkspaceShell>
  );
}
