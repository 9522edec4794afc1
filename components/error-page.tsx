"use client";

import * as React from "react";
import Link from "next/link";
import { RotateCcw, TriangleAlert } from "lucide-react";

import { Button } from "@/components/ui/button";

export type ErrorPageProps = {
  error: unknown;
  /** Re-fetches and re-renders the segment (Next 16). */
  retry?: () => void;
  /** Re-renders without re-fetching; used when `retry` is not available. */
  reset?: () => void;
  /** Rendered inside a shell's `<main>` (the console's): then it is not a main landmark of its own. */
  insideMain?: boolean;
};

/** How often the page asks /api/health whether the database is back. */
const HEALTH_POLL_MS = 2_000;

/**
 * Whether the database is unreachable (the health route answers 503), checked when the page fails and then every
 * few seconds; `onBack` runs once it answers again. A server error reaches the browser without its cause, so the
 * health route is how the page tells an outage from a bug.
 */
function useDatabaseOutage(onBack: () => void): boolean {
  const [down, setDown] = React.useState(false);
  const onBackRef = React.useRef(onBack);
  React.useEffect(() => {
    onBackRef.current = onBack;
  }, [onBack]);
  React.useEffect(() => {
    let cancelled = false;
    let wasDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const status = await fetch("/api/health", { cache: "no-store" }).then(
        (response) => response.status,
        () => 0,
      );
      if (cancelled) return;
      if (status === 503) {
        wasDown = true;
        setDown(true);
      } else if (status === 200 && wasDown) {
        onBackRef.current();
        return;
      } else if (status === 200) {
        return;
      }
      timer = setTimeout(check, HEALTH_POLL_MS);
    };
    void check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return down;
}

function errorDigest(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") return error.digest;
  return undefined;
}

export function ErrorPage({ error, retry, reset, insideMain = false }: ErrorPageProps) {
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const digest = errorDigest(error);
  const databaseDown = useDatabaseOutage(() => (retry ?? reset)?.());

  React.useEffect(() => {
    console.error(error);
    // Move focus to the message so keyboard and screen-reader users learn what happened.
    headingRef.current?.focus();
  }, [error]);

  const Landmark = insideMain ? "div" : "main";
  return (
    <Landmark id={insideMain ? undefined : "main"} className="flex min-h-[50dvh] flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <TriangleAlert className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          {databaseDown ? "The database is unavailable" : "Something went wrong"}
        </h1>
        {databaseDown ? (
          <p className="text-sm text-muted-foreground" role="status">
            The console cannot reach its database for a moment (it may be restarting). This page loads again by itself as soon as the database is back.
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">
            This page could not be loaded. Try again; if it keeps happening, contact support
            {digest ? " and quote the reference below" : ""}.
          </p>
        )}
        {digest && !databaseDown ? (
          <p className="text-xs text-muted-foreground">
            Reference: <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-center gap-2">
        <Button onClick={() => (retry ?? reset)?.()}>
          <RotateCcw aria-hidden="true" />
          Try again
        </Button>
        <Button variant="outline" asChild>
          <Link href="/customers">Go to Customers</Link>
        </Button>
      </div>
    </Landmark>
  );
}
