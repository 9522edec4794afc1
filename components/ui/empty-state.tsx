import * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon component, or any node; it is decorative. */
  icon?: LucideIcon | React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links offered next ("+ Add customer", "Clear filters"). */
  action?: React.ReactNode;
  /** The title's heading level; h2 by default (below the page's h1). */
  headingLevel?: "h2" | "h3" | "h4";
};

function isComponent(value: EmptyStateProps["icon"]): value is LucideIcon {
  if (typeof value === "function") return true;
  // forwardRef / memo components are objects with a $$typeof tag but, unlike elements, no props.
  return typeof value === "object" && value !== null && !Array.isArray(value) && !React.isValidElement(value) && "$$typeof" in value;
}

/** What to show when a list has nothing in it: an icon, a title, a short explanation and what to do next. */
export function EmptyState({ icon, title, description, action, headingLevel: Heading = "h2", className, ...props }: EmptyStateProps) {
  let iconNode: React.ReactNode = null;
  if (isComponent(icon)) {
    const Icon = icon;
    iconNode = <Icon aria-hidden="true" className="size-5" />;
  } else if (icon) {
    iconNode = icon;
  }

  return (
    <div
      data-slot="empty-state"
      className={cn("flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center", className)}
      {...props}
    >
      {iconNode ? (
        <div aria-hidden="true" className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          {iconNode}
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1">
        <Heading className="text-base font-semibold tracking-tight">{title}</Heading>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
