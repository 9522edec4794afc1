"use client";

import * as React from "react";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { toast } from "sonner";
import { signOutOfEmbeddedSession } from "@/app/(workspace)/workspace/actions";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenuButton, type ShellUser } from "@/components/shell/user-menu-button";

/**
 * The person's menu (named after the person): who is signed in, the theme, and **Sign out**. Loaded on first use
 * (see UserMenu), so it opens itself.
 */
export function UserMenuDropdown({ user, embedded = false }: { user: ShellUser; embedded?: boolean }) {
  const [signingOut, setSigningOut] = React.useState(false);

  /** A session from a partner's direct link signs out through its own action (see signOutOfEmbeddedSession). */
  async function signOutEmbedded() {
    const result = await signOutOfEmbeddedSession();
    if (!result.ok) {
      setSigningOut(false);
      toast.error(result.error);
      return;
    }
    window.location.replace("/direct_link/signed-out");
  }

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <UserMenuButton user={user} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="flex flex-col gap-0.5 py-2 font-normal">
          <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <ThemeToggle />
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signingOut}
          onSelect={(event) => {
            event.preventDefault();
            setSigningOut(true);
            if (embedded) void signOutEmbedded();
            else void signOut({ callbackUrl: "/sign-in" }).catch(() => setSigningOut(false));
          }}
        >
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
