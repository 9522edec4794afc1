"use client";

import { Building2, LayoutDashboard, Plug, Settings, Users, Workflow } from "lucide-react";

import type { NavItem } from "@/components/shell/nav-items";
import { MobileSidebarNav } from "@/components/shell/mobile-sidebar-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";

/** The customer workspace's sections, in the product's words. */
export const workspaceNavItems: readonly NavItem[] = [
  { label: "Dashboard", href: "/workspace", icon: LayoutDashboard, exact: true },
  { label: "Recipes", href: "/workspace/recipes", icon: Workflow },
  { label: "Connections", href: "/workspace/connections", icon: Plug },
  { label: "Teams", href: "/workspace/teams", icon: Users },
  { label: "Workspace admin", href: "/workspace/admin", icon: Settings },
];

export function WorkspaceSidebarNav() {
  return <SidebarNav items={workspaceNavItems} label="Workspace" />;
}

export function WorkspaceMobileNav() {
  return <MobileSidebarNav items={workspaceNavItems} label="Workspace" brandHref="/workspace" />;
}

/** The workspace's name where the console shows its brand. */
export function WorkspaceName({ name }: { name: string }) {
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm font-semibold tracking-tight">
      <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Building2 className="size-4" />
      </span>
      <span className="truncate" title={name}>
        {name}
      </span>
    </span>
  );
}
