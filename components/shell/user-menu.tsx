"use client";

import { ChevronDown } from "lucide-react";

import { Button } from "@/components/ui/button";
import { UserAvatar } from "@/components/ui/avatar";
import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";

export type ShellUser = {
  name: string;
  email: string;
  avatarUrl?: string | null;
};

/**
 * The menu's button, named after the person: the same before the menu's code has loaded and after. The name is its
 * text (read on narrow screens too, where only the avatar shows), so that what is seen and what is announced agree.
 */
export function UserMenuButton({ user, ...props }: { user: ShellUser } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" aria-haspopup="menu" aria-expanded={false} className="h-9 gap-2 px-1.5 sm:pr-2" {...props}>
      <UserAvatar name={user.name} src={user.avatarUrl} size="sm" />
      <span className="sr-only max-w-40 truncate text-sm font-medium sm:not-sr-only">{user.name}</span>
      <ChevronDown aria-hidden="true" className="hidden size-3.5 text-muted-foreground sm:block" />
    </Button>
  );
}

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
