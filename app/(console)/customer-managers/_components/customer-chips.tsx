"use client";

import * as React from "react";
import { X } from "lucide-react";

import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";

/** How many chosen customers show as chips before "Show all". */
const SHOWN = 30;

/** The chosen customers as removable chips (a manager can have thousands: the rest behind "Show all"). */
export function CustomerChips({ customers, onRemove }: { customers: ReadonlyMap<number, string>; onRemove: (id: number) => void }) {
  const [all, setAll] = React.useState(false);
  if (customers.size === 0) return null;
  const entries = [...customers.entries()];
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ul aria-label="Chosen customers" className="contents">
        {shown.map(([id, name]) => (
          <li key={id} className="inline-flex max-w-full items-center gap-1 rounded-md border bg-secondary py-0.5 pr-0.5 pl-2 text-xs font-medium">
            <span className="truncate">{name}</span>
            <button
              type="button"
              aria-label={`Remove ${name}`}
              onClick={() => onRemove(id)}
              className="inline-flex size-5 items-center justify-center rounded-sm text-muted-foreground hover:bg-background hover:text-foreground"
            >
              <X aria-hidden="true" className="size-3" />
            </button>
          </li>
        ))}
      </ul>
      {entries.length > SHOWN ? (
        <Button type="button" variant="link" size="sm" className="text-xs" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${formatNumber(entries.length)}`}
        </Button>
      ) : null}
    </div>
  );
}
