import * as React from "react";

import { ConsoleBrand, SidebarNav } from "@/components/shell/sidebar-nav";
import { TopBar, type ShellUser } from "@/components/shell/top-bar";

export type AppShellProps = {
  /** The partner account the person is signed in to, shown in the top bar. */
  partnerName: string;
  user: ShellUser;
  children: React.ReactNode;
};

/**
 * The console's frame: a "Skip to content" link, the left navigation (a slide-over on small screens),
 * the top bar, and the page in `<main id="main">`. A server component; pass it data the layout has loaded.
 */
export function AppShell({ partnerName, user, children }: AppShellProps) {
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-[60] rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh flex-col gap-6 overflow-y-auto border-r border-sidebar-border bg-sidebar px-3 py-4 text-sidebar-foreground lg:flex">
        <ConsoleBrand className="px-2.5" />
        <SidebarNav />
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col">
        <TopBar partnerName={partnerName} user={user} />
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
          <div className="mx-auto w-full max-w-7xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
