"use client";

import * as React from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

let browserClient: QueryClient | null = null;

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });
}

/** One client per browser session (a cache shared by every lookup); a fresh one per server render. */
function queryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

/**
 * React Query for the components that fetch with it (server-searched lookups), provided by them rather than by
 * the app's root, so that a page loads React Query only when it shows one of them.
 */
export function WithQueryClient({ children }: { children: React.ReactNode }) {
  const [client] = React.useState(queryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** A console lookup's JSON for a React Query `queryFn`; a refusal throws the route's `error` (or `failure`) as its message. */
export async function fetchLookup<T>(url: string, failure: string): Promise<T> {
  const response = await fetch(url);
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? failure);
  return body;
}
