import * as React from "react";

import { AccountSwitcher } from "@/components/shell/account-switcher";
import { UserMenu, type ShellUser } from "@/components/shell/user-menu";
import { Badge } from "@/components/ui/badge";
import { WorkspaceBanner } from "@/components/workspace/workspace-banner";
import { WorkspaceMobileNav, WorkspaceName, WorkspaceSidebarNav } from "@/components/workspace/workspace-nav";

export type WorkspaceShellProps = {
  customerName: string;
  roleName: string;
  user: ShellUser;
  /** For a partner person who switched in: when the switch ends, and the server's time (ISO). Null for the customer's own users. */
  switch: { endsAt: string; renderedAt: string } | null;
  /** Signed in through the partner's app (a direct link), usually inside its iframe: signs out its own way. */
  embedded?: boolean;
  children: React.ReactNode;
};

/**
 * The customer workspace's frame: the switch banner (for partner people inside the account), the workspace's
 * navigation, a top bar with the account and the person's role, and the page.
 */
export function WorkspaceShell({ customerName, roleName, user, switch: switched, embedded = false, children }: WorkspaceShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-[60] rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      {switched ? <WorkspaceBanner customerName={customerName} roleName={roleName} {...switched} /> : null}
      <div className="flex-1 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside className="hidden flex-col gap-6 border-r border-sidebar-border bg-sidebar px-3 py-4 text-sidebar-foreground lg:flex">
          <div className="px-2.5">
            <WorkspaceName name={customerName} />
          </div>
          <WorkspaceSidebarNav />
        </aside>
        <div className="flex min-w-0 flex-col">
          <header className="flex h-14 shrink-0 items-center gap-2 border-b bg-background px-3 sm:px-4 lg:px-6">
            <WorkspaceMobileNav />
            <section aria-label="Current account" className="flex min-w-0 items-center gap-2 text-sm font-medium">
              {/* Switched in, a person can switch straight on to another customer it may enter (issue 12). */}
              {switched && !embedded ? <AccountSwitcher currentName={customerName} inCustomer /> : <span className="truncate">{customerName}</span>}
              <Badge variant="secondary">{roleName}</Badge>
            </section>
            <div className="ml-auto flex items-center gap-1">
              <UserMenu user={user} embedded={embedded} />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
            <div className="mx-auto w-full max-w-6xl">{children}</div>
          </main>
        </div>
      </div>
    </div>
  );
}
