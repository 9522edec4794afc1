"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, use, useCallback, useOptimistic, useTransition } from "react";
import { customerSearchParams, FIRST_PAGE, serializeCustomerSearch, type CustomersState } from "../search-params";

export type { CustomersState };
/** A change of the view: `null` puts a key back to its default (and out of the URL). */
export type CustomersUpdate = { [Key in keyof CustomersState]?: CustomersState[Key] | null };
export type SetCustomersState = (update: CustomersUpdate, options?: { history?: "push" | "replace" }) => void;

interface CustomersUrlState {
  state: CustomersState;
  setState: SetCustomersState;
  /** True from a change of the URL until the server has rendered the view it asks for. */
  pending: boolean;
  clearFilters(): void;
}

const Context = createContext<CustomersUrlState | null>(null);

function applyUpdate(state: CustomersState, update: CustomersUpdate): CustomersState {
  const next: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(update)) {
    const parser = customerSearchParams[key as keyof CustomersState] as { defaultValue?: unknown };
    next[key] = value ?? parser.defaultValue ?? null;
  }
  return next as CustomersState;
}

/**
 * The Customers view's URL state, shared by the page's client islands. The server reads the URL
 * (customerQueryFromSearchParams) and passes the view it rendered as `state`; a change is written back with the nuqs
 * parsers' serializer of search-params.ts (defaults left out) and navigates, pushing a history entry, so that the server renders the
 * rows again. Until it has, the change shows at once (optimistic state) and the table is marked busy. No nuqs hook
 * (nor its adapter) runs in the browser: the server already knows the state, and the page loads less script.
 */
export function CustomersUrlStateProvider({ state: rendered, children }: { state: CustomersState; children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [state, setOptimisticState] = useOptimistic(rendered);
  const setState = useCallback<SetCustomersState>(
    (update, options) =>
      startTransition(() => {
        const next = applyUpdate(state, update);
        setOptimisticState(next);
        const url = `${pathname}${serializeCustomerSearch(next)}`;
        if (options?.history === "replace") router.replace(url, { scroll: false });
        else router.push(url, { scroll: false });
      }),
    [state, pathname, router, setOptimisticState],
  );
  const clearFilters = () => setState({ q: null, status: null, plans: null, app: null, joined: null, from: null, to: null, ...FIRST_PAGE });
  return <Context value={{ state, setState, pending, clearFilters }}>{children}</Context>;
}

export function useCustomersUrlState(): CustomersUrlState {
  const value = use(Context);
  if (!value) throw new Error("useCustomersUrlState needs a CustomersUrlStateProvider above it.");
  return value;
}
