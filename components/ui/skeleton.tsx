import * as React from "react";

import { cn } from "@/lib/utils";

/** A placeholder block shown while content loads. Hidden from assistive technology; announce loading elsewhere. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden="true" className={cn("rounded-md bg-muted motion-safe:animate-pulse", className)} {...props} />;
}
