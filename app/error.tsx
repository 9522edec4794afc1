"use client";

import { lazy, Suspense } from "react";
import type { ErrorPageProps } from "@/components/error-page";

// The error page's code loads when a page fails, not with every page.
const ErrorPage = lazy(() => import("@/components/error-page").then((module) => ({ default: module.ErrorPage })));

export default function Error(props: ErrorPageProps) {
  return (
    <Suspense fallback={null}>
      <ErrorPage {...props} />
    </Suspense>
  );
}
