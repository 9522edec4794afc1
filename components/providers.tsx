"use client";

import * as React from "react";
import { ThemeProvider } from "next-themes";

import { FocusKeeper } from "@/components/focus-keeper";
import { loadOnDemand } from "@/components/ui/on-first-use";

const noSubscription = () => () => {};
const toaster = loadOnDemand(() => import("@/components/themed-toaster").then((module) => module.ThemedToaster));

/** No toast can be asked for before the page is interactive, so the toaster's code loads once it is, not with it. */
function DeferredToaster() {
  // False on the server and while hydrating, true once hydrated: the toaster is then rendered and loaded.
  const hydrated = React.useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? (
    <React.Suspense>
      <toaster.Component />
    </React.Suspense>
  ) : null;
}

/**
 * Client-side providers for the whole app: theme (class on <html>) and toasts. `nonce` is the response's CSP nonce,
 * for next-themes' inline script that sets the theme before the first paint. React Query and nuqs are provided
 * where they are used (components/query-client.tsx, components/url-state.tsx), so that pages without them do not
 * load them; tooltips provide themselves (components/ui/tooltip.tsx).
 */
export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
      <FocusKeeper />
      <DeferredToaster />
    </ThemeProvider>
  );
}
