"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { label: "Dashboard", segment: "" },
  { label: "Collaborators", segment: "/collaborators" },
  { label: "Settings", segment: "/settings" },
  { label: "App access", segment: "/app-access" },
  { label: "Activity", segment: "/activity" },
] as const;

/** The customer page's tabs (rule U15), each its own URL so that a link opens the right tab. */
export function CustomerTabs({ customerId }: { customerId: number }) {
  const pathname = usePathname();
  const base = `/customers/${customerId}`;
  return (
    <nav aria-label="Customer sections" className="-mb-2 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1">
        {TABS.map((tab) => {
          const href = base + tab.segment;
          const current = tab.segment === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors",
                  current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
