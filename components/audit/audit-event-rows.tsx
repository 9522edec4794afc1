"use client";

import * as React from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";

import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TableCell, TableRow } from "@/components/ui/table";
import type { AuditTarget } from "@/lib/audit/targets";

export type AuditEventView = {
  id: number;
  /** The time in UTC, for the toggle's name (the cell shows the reader's local time). */
  time: string;
  isoTime: string;
  person: string;
  email: string | null;
  actingAs: string;
  account: string;
  action: string;
  target: AuditTarget | null;
  ip: string | null;
  userAgent: string | null;
};

/** One event of the audit log, and the row that expands under it to show the change. */
export function AuditEventRows({ event, showAccount, children }: { event: AuditEventView; showAccount: boolean; children: React.ReactNode }) {
  const [open, setOpen] = React.useState(false);
  const detailsId = `audit-event-${event.id}`;
  return (
    <>
      <TableRow data-state={open ? "selected" : undefined}>
        <TableCell className="w-10 pr-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`Show changes of ${event.action} by ${event.person}, ${event.time}`}
            onClick={() => setOpen(!open)}
            className="inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <ChevronRight aria-hidden="true" className={cn("size-4 transition-transform", open && "rotate-90")} />
          </button>
        </TableCell>
        <TableCell className="whitespace-nowrap text-muted-foreground">
          <LocalTime value={event.isoTime} />
        </TableCell>
        <TableCell>
          <div className="font-medium">{event.person}</div>
          {event.email ? <div className="text-xs text-muted-foreground">{event.email}</div> : null}
        </TableCell>
        <TableCell>
          <Badge variant="outline">{event.actingAs}</Badge>
        </TableCell>
        {showAccount ? <TableCell>{event.account}</TableCell> : null}
        <TableCell className="font-medium">{event.action}</TableCell>
      </TableRow>
      <TableRow id={detailsId} hidden={!open} className="bg-muted/30 hover:bg-muted/30">
        <TableCell />
        <TableCell colSpan={showAccount ? 5 : 4} className="py-3">
          <div className="grid gap-3">
            {children}
            <p className="text-xs text-muted-foreground">
              {event.target ? (
                <>
                  {`Target: ${event.target.kind} `}
                  {event.target.href ? (
                    <Link href={event.target.href} prefetch={false} className="font-medium text-foreground underline-offset-2 hover:underline">
                      {event.target.label}
                    </Link>
                  ) : (
                    <span className="font-medium text-foreground">{event.target.label}</span>
                  )}
                  {" · "}
                </>
              ) : null}
              IP address: {event.ip ?? "—"} · User agent: {event.userAgent ?? "—"}
            </p>
          </div>
        </TableCell>
      </TableRow>
    </>
  );
}
