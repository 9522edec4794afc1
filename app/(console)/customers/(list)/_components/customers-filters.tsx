"use client";

import { Search, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import type { ConnectedApp, PlanOption } from "@/lib/customers/reads/table";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState, type CustomersState, type SetCustomersState } from "./customers-url-state";
import { APP_FILTER, FilterButton, JOINED_FILTER, JOINED_LABELS, PLAN_FILTER } from "./filter-button";

// The popovers (Radix, floating-ui) load when a filter is first opened, not with the page.
const popovers = () => import("./filter-popovers");
const planFilter = loadOnDemand(() => popovers().then((module) => module.PlanFilter));
const appFilter = loadOnDemand(() => popovers().then((module) => module.AppFilter));
const joinedFilter = loadOnDemand(() => popovers().then((module) => module.JoinedFilter));

const SEARCH_DELAY_MS = 300;
/** After this long without a keystroke (or on Enter) a search is settled. */
const SETTLED_MS = 1_000;

/**
 * The search box. The URL follows the typing after a short pause; the first term of a search pushes a history
 * entry and the later terms of the same typing replace it, so that Back returns to the view before the search (one
 * entry per settled search, as a sort or a tab click has) and never steps through the keystrokes.
 */
function SearchBox() {
  const { state, setState } = useCustomersUrlState();
  const value = state.q;
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // Whether the search being typed has its history entry already; a settle timer ends the search.
  const hasEntry = useRef(false);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (value !== lastValue) {
    // The URL changed from elsewhere (Back, Clear filters): show it.
    setLastValue(value);
    setText(value);
  }
  const settle = useCallback(() => {
    clearTimeout(settleTimer.current);
    hasEntry.current = false;
  }, []);
  const commit = useCallback(
    (term: string) => {
      setState({ q: term || null, ...FIRST_PAGE }, { history: hasEntry.current ? "replace" : "push" });
      hasEntry.current = true;
    },
    [setState],
  );
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => commit(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, commit]);
  useEffect(() => settle, [settle]);
  return (
    <div className="relative w-full max-w-sm">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search customers"
        placeholder="Search by name or external ID"
        value={text}
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value);
          clearTimeout(settleTimer.current);
          settleTimer.current = setTimeout(settle, SETTLED_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          if (text !== value) commit(text);
          settle();
        }}
        className="pl-8"
      />
    </div>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove(): void }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border bg-muted/50 py-0.5 pr-1 pl-3 text-xs">
      {label}
      <button type="button" aria-label={`Remove filter ${label}`} onClick={onRemove} className="rounded-full p-0.5 hover:bg-accent">
        <X aria-hidden className="size-3" />
      </button>
    </span>
  );
}

function joinedLabel(state: CustomersState): string {
  if (state.joined === "custom") return `Joined ${state.from ?? "…"} – ${state.to ?? "…"}`;
  return state.joined ? `Joined: ${JOINED_LABELS[state.joined]}` : "";
}

/** Search, filters by plan, app and date joined (rules U8–U13), and the active filters as chips. */
export function CustomersFilters({ plans, apps }: { plans: PlanOption[]; apps: ConnectedApp[] }) {
  const { state, setState, clearFilters } = useCustomersUrlState();
  const chips: { key: string; label: string; clear: Parameters<SetCustomersState>[0] }[] = [];
  if (state.q) chips.push({ key: "q", label: `Search: ${state.q}`, clear: { q: null } });
  for (const id of state.plans) {
    const plan = plans.find((option) => option.id === id);
    if (plan) chips.push({ key: `plan-${id}`, label: `Plan: ${plan.name}`, clear: { plans: state.plans.filter((value) => value !== id) } });
  }
  const app = apps.find((option) => option.id === state.app);
  if (app) chips.push({ key: "app", label: `App: ${app.name}`, clear: { app: null } });
  if (state.joined) chips.push({ key: "joined", label: joinedLabel(state), clear: { joined: null, from: null, to: null } });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox />
        <OnFirstUse
          preload={planFilter.preload}
          placeholder={(trigger) => <FilterButton {...PLAN_FILTER} active={state.plans.length > 0} {...trigger} />}
          control={<planFilter.Component plans={plans} />}
        />
        <OnFirstUse
          preload={appFilter.preload}
          placeholder={(trigger) => <FilterButton {...APP_FILTER} active={state.app !== null} {...trigger} />}
          control={<appFilter.Component apps={apps} />}
        />
        <OnFirstUse
          preload={joinedFilter.preload}
          placeholder={(trigger) => <FilterButton {...JOINED_FILTER} active={state.joined !== null} {...trigger} />}
          control={<joinedFilter.Component />}
        />
      </div>
      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
          {chips.map((chip) => (
            <Chip key={chip.key} label={chip.label} onRemove={() => setState({ ...chip.clear, ...FIRST_PAGE })} />
          ))}
          <Button variant="link" size="sm" onClick={clearFilters}>
            Clear all
          </Button>
        </div>
      ) : null}
    </div>
  );
}
