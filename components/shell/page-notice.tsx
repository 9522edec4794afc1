import * as React from "react";
import { Info } from "lucide-react";

/**
 * A notice at the top of a page that tells the person why it is there (a switch that ended on its own, an address
 * it could not open): a polite status, read out once the page has loaded.
 */
export function PageNotice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div role="status" className="flex gap-3 rounded-lg border border-l-4 border-l-warning bg-card p-4 text-sm text-card-foreground">
      <Info aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-warning" />
      <div className="space-y-1">
        <p className="font-semibold">{title}</p>
        <p className="text-muted-foreground">{children}</p>
      </div>
    </div>
  );
}
