"use client";

import * as React from "react";

import { cn } from "@/lib/utils";
import { AccountSwitcher } from "@/components/shell/account-switcher";
import { MobileSidebarNav } from "@/components/shell/mobile-sidebar-nav";
import { UserMenu, type ShellUser } from "@/components/shell/user-menu";

export type { ShellUser };

export type TopBarProps = {
  /** The partner account the person is signed in to. */
  partnerName: string;
  user: ShellUser;
  className?: string;
};

/** The top bar: the navigation button on small screens, the account switcher, and the person's menu. */
export function TopBar({ partnerName, user, className }: TopBarProps) {
  return (
    <header
      className={cn(
        "sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/70 sm:px-4 lg:px-6",
        className,
      )}
    >
      <MobileSidebarNav />

      <section aria-label="Current account" className="flex min-w-0 items-center gap-2 text-sm font-medium">
        <AccountSwitcher currentName={partnerName} />
      </section>

      <div className="ml-auto flex items-center gap-1">
        <UserMenu user={user} />
      </div>
    </header>
  );
}
