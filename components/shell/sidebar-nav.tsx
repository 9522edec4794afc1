"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu, Waypoints } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { navItemCurrent, navItems, type NavItem } from "@/components/shell/nav-items";

export const PRODUCT_NAME = "Partner console";

/** The product's mark and name, linking to Customers (or to `href`: the workspace's dashboard). */
export function ConsoleBrand({ className, onNavigate, href = "/customers" }: { className?: string; onNavigate?: () => void; href?: string }) {
  return (
    <Link href={href} onClick={onNavigate} className={cn("flex items-center gap-2 rounded-md text-sm font-semibold tracking-tight", className)}>
      <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Waypoints className="size-4" />
      </span>
      {PRODUCT_NAME}
    </Link>
  );
}

export type SidebarNavProps = {
  className?: string;
  /** The links; the console's sections by default. */
  items?: readonly NavItem[];
  /** The navigation's accessible name. */
  label?: string;
  /** Called when a link is followed (the slide-over closes itself with it). */
  onNavigate?: () => void;
};

/** The main navigation: Customers, Customer managers, Audit log, API clients. The current section is highlighted. */
export function SidebarNav({ className, onNavigate, items = navItems, label = "Main" }: SidebarNavProps) {
  const pathname = usePathname();

  return (
    <nav aria-label={label} className={cn("flex flex-col", className)}>
      <ul className="flex flex-col gap-0.5">
        {items.map((item) => {
          const current = navItemCurrent(pathname, item.href, item.exact);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                  current && "bg-accent text-foreground",
                )}
              >
                <Icon aria-hidden="true" className={cn("size-4 shrink-0", current ? "text-primary" : "text-muted-foreground")} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export type MobileSidebarNavProps = {
  className?: string;
  items?: readonly NavItem[];
  label?: string;
  brandHref?: string;
};

/** The "Open navigation" button, the same before the slide-over's code has loaded and after. */
export function OpenNavigationButton({ className, ...props }: React.ComponentProps<typeof Button>) {
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label="Open navigation"
      aria-haspopup="dialog"
      aria-expanded={false}
      className={cn("lg:hidden", className)}
      {...props}
    >
      <Menu aria-hidden="true" />
    </Button>
  );
}
