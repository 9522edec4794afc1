import { AppWindow, Bell, BookOpen, KeyRound, ListChecks, Mail, ScrollText, UserCog, UserRound, Users, type LucideIcon } from "lucide-react";

export type NavItem = {
  label: string;
  href: string;
  icon: LucideIcon;
  /** Current only on its own URL, not inside it (a dashboard at the root of its section). */
  exact?: boolean;
};

/** The console's main sections, in the product's words. */
export const navItems: readonly NavItem[] = [
  { label: "Customers", href: "/customers", icon: Users },
  { label: "Customer managers", href: "/customer-managers", icon: UserCog },
  { label: "Team", href: "/team", icon: UserRound },
  { label: "Jobs", href: "/jobs", icon: ListChecks },
  { label: "Audit log", href: "/audit-log", icon: ScrollText },
  { label: "API clients", href: "/api-clients", icon: KeyRound },
  { label: "Embedding", href: "/embedding", icon: AppWindow },
  { label: "Notifications", href: "/notifications", icon: Bell },
  { label: "Email", href: "/email", icon: Mail },
  { label: "API reference", href: "/api-reference", icon: BookOpen },
];

/** "page" on the section's own URL, "true" inside it (a customer's page is inside Customers), otherwise none. */
export function navItemCurrent(pathname: string | null, href: string, exact = false): "page" | "true" | undefined {
  if (!pathname) return undefined;
  if (pathname === href) return "page";
  if (!exact && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}
