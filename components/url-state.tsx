"use client";

import * as React from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";

const InsideAdapter = React.createContext(false);

/**
 * nuqs (URL state) for the components that use its hooks, provided by them rather than by the app's root, so that
 * a page without them (the Customers page writes its URL itself) does not load the adapter. Nested uses share the
 * outermost adapter.
 */
export function WithUrlState({ children }: { children: React.ReactNode }) {
  if (React.use(InsideAdapter)) return children;
  return (
    <InsideAdapter value>
      <NuqsAdapter>{children}</NuqsAdapter>
    </InsideAdapter>
  );
}
