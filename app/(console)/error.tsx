"use client";

import { lazy, Suspense } from "react";

import type { ErrorPageProps } from "@/components/error-page";

// The error page's code loads when a page fails, not with every page.
const ErrorPage = lazy(() => import("@/components/error-page").then((module) => ({ default: module.ErrorPage })));

/** The same error page, inside the console shell so that the navigation stays in reach, and in its `<main>`. */
export default function ConsoleError(props: ErrorPageProps) {
  return (
    <Suspense fallback={null}>
      <ErrorPage {...props} insideMain />
    </Suspense>
  );
}
