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
};

function errorDigest(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") return error.digest;
  return undefined;
}

export function ErrorPage({ error, retry, reset }: ErrorPageProps) {
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const digest = errorDigest(error);

  React.useEffect(() => {
    console.error(error);
    // Move focus to the message so keyboard and screen-reader users learn what happened.
    headingRef.current?.focus();
  }, [error]);

  return (
    <main
      id="main"
      className="flex min-h-[50dvh] flex-col items-center justify-center gap-4 px-4 py-16 text-center"
    >
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive"
      >
        <TriangleAlert className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          Something went wrong
        </h1>
        <p className="text-sm text-muted-foreground">
          This page could not be loaded. Try again; if it keeps happening, contact support
          {digest ? " and quote the reference below" : ""}.
        </p>
        {digest ? (
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
    </main>
  );
}
