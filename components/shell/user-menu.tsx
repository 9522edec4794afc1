"use client";

import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import { UserMenuButton, type ShellUser } from "@/components/shell/user-menu-button";

export type { ShellUser };

// The dropdown (Radix menu, floating-ui, next-auth's client) loads on first use, not with every page.
const dropdown = loadOnDemand(() => import("@/components/shell/user-menu-dropdown").then((module) => module.UserMenuDropdown));

/** The person's menu (named after the person): who is signed in, the theme, and **Sign out**. */
export function UserMenu({ user, embedded = false }: { user: ShellUser; embedded?: boolean }) {
  return (
    <OnFirstUse
      preload={dropdown.preload}
      placeholder={(trigger) => <UserMenuButton user={user} {...trigger} />}
      control={<dropdown.Component user={user} embedded={embedded} />}
    />
  );
}
