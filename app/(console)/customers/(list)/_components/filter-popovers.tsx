"use client";

import { Check } from "lucide-react";
import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { JoinedPreset } from "@/lib/customers/view-options";
import type { ConnectedApp, PlanOption } from "@/lib/customers/reads/table";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";
import { APP_FILTER, FilterButton, JOINED_FILTER, JOINED_LABELS, PLAN_FILTER } from "./filter-button";

/** The Plan filter's popover (rule U9), loaded on first use: it opens itself. */
export function PlanFilter({ plans }: { plans: PlanOption[] }) {
  const { state, setState } = useCustomersUrlState();
  const selected = state.plans;
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((value) => value !== id);
    setState({ plans: next.length ? next : null, ...FIRST_PAGE });
  };
  return (
    <Popover defaultOpen>
      <PopoverTrigger asChild>
        <FilterButton {...PLAN_FILTER} active={selected.length > 0} />
      </PopoverTrigger>
      <PopoverContent align="start" aria-label="Plan filter" className="w-60">
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">Plan</legend>
          {plans.map((plan) => (
            <div key={plan.id} className="flex items-center gap-2">
              <Checkbox id={`plan-${plan.id}`} checked={selected.includes(plan.id)} onCheckedChange={(on) => toggle(plan.id, on === true)} />
              <Label htmlFor={`plan-${plan.id}`} className="font-normal">
                {plan.name}
              </Label>
            </div>
          ))}
        </fieldset>
      </PopoverContent>
    </Popover>
  );
}

/**
 * The App filter's popover (rule U12), loaded on first use: it opens itself. The search field is a combobox over a
 * listbox of the apps (the ARIA combobox pattern): typing filters, arrows move the active option, Enter chooses it,
 * Escape closes. Focus stays in the field; the options are not buttons (an option holds no control of its own).
 */
export function AppFilter({ apps }: { apps: ConnectedApp[] }) {
  const { state, setState } = useCustomersUrlState();
  const selected = state.app;
  const [open, setOpen] = useState(true);
  const [term, setTerm] = useState("");
  const shown = useMemo(() => apps.filter((app) => app.name.toLowerCase().includes(term.trim().toLowerCase())), [apps, term]);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      apps.findIndex((app) => app.id === selected),
    ),
  );
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const activeIndex = Math.min(active, shown.length - 1);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  function choose(app: ConnectedApp) {
    setState({ app: app.id, ...FIRST_PAGE });
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(Math.min(Math.max(activeIndex + step, 0), shown.length - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const app = shown[activeIndex];
      if (app) choose(app);
    }
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterButton {...APP_FILTER} active={selected !== null} />
      </PopoverTrigger>
      <PopoverContent align="start" aria-label="App filter" className="w-64 p-2">
        <Input
          role="combobox"
          aria-label="Search apps"
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder="Search apps"
          value={term}
          onChange={(event) => {
            setTerm(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="mb-2"
        />
        <ul id={listId} role="listbox" aria-label="Apps" className="max-h-64 overflow-y-auto">
          {shown.map((app, index) => (
            <li
              key={app.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              data-active={index === activeIndex || undefined}
              className="flex w-full cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-left text-sm data-active:bg-accent data-active:text-accent-foreground"
              onPointerMove={() => setActive(index)}
              onClick={() => choose(app)}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- tiny static SVG icons */}
              <img src={app.iconPath} alt="" width={20} height={20} className="size-5 rounded" />
              <span className="flex-1">{app.name}</span>
              {app.id === selected ? (
                <>
                  <Check aria-hidden className="size-4" />
                  <span className="sr-only">(current filter)</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {shown.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted-foreground">No app matches.</p> : null}
      </PopoverContent>
    </Popover>
  );
}

/** The Date joined filter's popover (rule U13), loaded on first use: it opens itself. */
export function JoinedFilter() {
  const { state, setState } = useCustomersUrlState();
  const [open, setOpen] = useState(true);
  const [from, setFrom] = useState(state.from ?? "");
  const [to, setTo] = useState(state.to ?? "");
  const [shown, setShown] = useState({ from: state.from, to: state.to });
  if (shown.from !== state.from || shown.to !== state.to) {
    // The range changed from elsewhere (a chip, Back): show it.
    setShown({ from: state.from, to: state.to });
    setFrom(state.from ?? "");
    setTo(state.to ?? "");
  }
  const choose = (joined: JoinedPreset) => {
    setState({ joined, from: null, to: null, ...FIRST_PAGE });
    setOpen(false);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterButton {...JOINED_FILTER} active={state.joined !== null} />
      </PopoverTrigger>
      <PopoverContent align="start" aria-label="Date joined filter" className="w-72">
        <div className="space-y-1">
          <p className="mb-2 text-sm font-medium">Date joined</p>
          {(Object.keys(JOINED_LABELS) as (keyof typeof JOINED_LABELS)[]).map((preset) => (
            <Button
              key={preset}
              variant={state.joined === preset ? "secondary" : "ghost"}
              size="sm"
              className="w-full justify-start"
              onClick={() => choose(preset)}
            >
              {JOINED_LABELS[preset]}
            </Button>
          ))}
        </div>
        <form
          className="mt-3 space-y-2 border-t pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!from && !to) return;
            setState({ joined: "custom", from: from || null, to: to || null, ...FIRST_PAGE });
            setOpen(false);
          }}
        >
          <p className="text-sm font-medium">Custom range</p>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <Label htmlFor="joined-from" className="text-xs">
                From
              </Label>
              <Input id="joined-from" type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
            </div>
            <div>
              <Label htmlFor="joined-to" className="text-xs">
                To
              </Label>
              <Input id="joined-to" type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
            </div>
          </div>
          <Button type="submit" size="sm" className="w-full" disabled={!from && !to}>
            Apply range
          </Button>
        </form>
      </PopoverContent>
    </Popover>
  );
}
