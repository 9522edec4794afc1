"use client";

import { CalendarDays, ChevronDown, Layers, Puzzle, Search, X } from "lucide-react";
import type { useQueryStates } from "nuqs";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { JoinedPreset } from "@/lib/customers/view-options";
import type { ConnectedApp, PlanOption } from "@/lib/customers/table";
import { customerSearchParams, FIRST_PAGE } from "../search-params";

type QueryStates = ReturnType<typeof useQueryStates<typeof customerSearchParams>>;
type State = QueryStates[0];
type SetState = QueryStates[1];

export const JOINED_LABELS: Record<Exclude<JoinedPreset, "custom">, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
};

const SEARCH_DELAY_MS = 300;

/** The search box: the URL follows the typing after a short pause, replacing (not pushing) history. */
function SearchBox({ value, setState }: { value: string; setState: SetState }) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The URL changed from elsewhere (Back, Clear filters): show it.
    setLastValue(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => void setState({ q: text || null, ...FIRST_PAGE }, { history: "replace" }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, setState]);
  return (
    <div className="relative w-full max-w-sm">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search customers"
        placeholder="Search by name or external ID"
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") void setState({ q: text || null, ...FIRST_PAGE });
        }}
        className="pl-8"
      />
    </div>
  );
}

function FilterButton({ icon: Icon, label, active, ...props }: { icon: typeof Layers; label: string; active: boolean } & React.ComponentProps<"button">) {
  return (
    <Button variant={active ? "secondary" : "outline"} size="sm" className="h-9" {...props}>
      <Icon aria-hidden />
      {label}
      <ChevronDown aria-hidden className="size-3.5 opacity-60" />
    </Button>
  );
}

function PlanFilter({ plans, selected, setState }: { plans: PlanOption[]; selected: number[]; setState: SetState }) {
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((value) => value !== id);
    void setState({ plan: next.length ? next : null, ...FIRST_PAGE });
  };
  return (
    <Popover>
      <PopoverTrigger asChild>
        <FilterButton icon={Layers} label="Plan" active={selected.length > 0} />
      </PopoverTrigger>
      <PopoverContent align="start" className="w-60">
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

function AppFilter({ apps, selected, setState }: { apps: ConnectedApp[]; selected: number | null; setState: SetState }) {
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState("");
  const shown = useMemo(() => apps.filter((app) => app.name.toLowerCase().includes(term.trim().toLowerCase())), [apps, term]);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterButton icon={Puzzle} label="App" active={selected !== null} />
      </PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-2">
        <Input aria-label="Search apps" placeholder="Search apps" value={term} onChange={(event) => setTerm(event.target.value)} className="mb-2" />
        <ul role="listbox" aria-label="Apps" className="max-h-64 overflow-y-auto">
          {shown.map((app) => (
            <li key={app.id} role="option" aria-selected={app.id === selected}>
              <button
                type="button"
                className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-accent aria-[current=true]:bg-accent"
                aria-current={app.id === selected}
                onClick={() => {
                  void setState({ app: app.id, ...FIRST_PAGE });
                  setOpen(false);
                }}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- tiny static SVG icons */}
                <img src={app.iconPath} alt="" width={20} height={20} className="size-5 rounded" />
                {app.name}
              </button>
            </li>
          ))}
          {shown.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">No app matches.</li> : null}
        </ul>
      </PopoverContent>
    </Popover>
  );
}

function JoinedFilter({ state, setState }: { state: State; setState: SetState }) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(state.from ?? "");
  const [to, setTo] = useState(state.to ?? "");
  const choose = (joined: JoinedPreset) => {
    void setState({ joined, from: null, to: null, ...FIRST_PAGE });
    setOpen(false);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterButton icon={CalendarDays} label="Date joined" active={state.joined !== null} />
      </PopoverTrigger>
      <PopoverContent align="start" className="w-72">
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
            void setState({ joined: "custom", from: from || null, to: to || null, ...FIRST_PAGE });
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

function joinedLabel(state: State): string {
  if (state.joined === "custom") return `Joined ${state.from ?? "…"} – ${state.to ?? "…"}`;
  return state.joined ? `Joined: ${JOINED_LABELS[state.joined]}` : "";
}

/** Search, filters by plan, app and date joined (rules U8–U13), and the active filters as chips. */
export function CustomersFilters({
  state,
  setState,
  plans,
  apps,
  onClearAll,
}: {
  state: State;
  setState: SetState;
  plans: PlanOption[];
  apps: ConnectedApp[];
  onClearAll(): void;
}) {
  const chips: { key: string; label: string; clear: Parameters<SetState>[0] }[] = [];
  if (state.q) chips.push({ key: "q", label: `Search: ${state.q}`, clear: { q: null } });
  for (const id of state.plan) {
    const plan = plans.find((option) => option.id === id);
    if (plan) chips.push({ key: `plan-${id}`, label: `Plan: ${plan.name}`, clear: { plan: state.plan.filter((value) => value !== id) } });
  }
  const app = apps.find((option) => option.id === state.app);
  if (app) chips.push({ key: "app", label: `App: ${app.name}`, clear: { app: null } });
  if (state.joined) chips.push({ key: "joined", label: joinedLabel(state), clear: { joined: null, from: null, to: null } });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={state.q} setState={setState} />
        <PlanFilter plans={plans} selected={state.plan} setState={setState} />
        <AppFilter apps={apps} selected={state.app} setState={setState} />
        <JoinedFilter key={`${state.from}-${state.to}`} state={state} setState={setState} />
      </div>
      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
          {chips.map((chip) => (
            <Chip key={chip.key} label={chip.label} onRemove={() => void setState({ ...chip.clear, ...FIRST_PAGE })} />
          ))}
          <Button variant="link" size="sm" onClick={onClearAll}>
            Clear all
          </Button>
        </div>
      ) : null}
    </div>
  );
}
