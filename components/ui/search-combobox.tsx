"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import { Check, ChevronsUpDown, LoaderCircle, Search } from "lucide-react";

import { cn } from "@/lib/utils";
import { WithQueryClient } from "@/components/query-client";
import { comboboxTriggerClassName } from "@/components/ui/trigger-styles";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

export type SearchOption = { value: string; label: string; description?: string };

/** `value`, once it has stopped changing for `ms` milliseconds. */
export function useDebouncedValue<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** GETs `source?q=term` and reads the JSON answer, or throws the server's message. */
export async function fetchLookup<Item>(source: string, term: string): Promise<Item[]> {
  return (await fetchLookupPage<Item>(source, term)).items;
}

/** The same, with how many items there are in all when the server says so (`X-Total-Count`). */
async function fetchLookupPage<Item>(source: string, term: string): Promise<{ items: Item[]; total: number | null }> {
  const separator = source.includes("?") ? "&" : "?";
  const response = await fetch(`${source}${separator}q=${encodeURIComponent(term)}`, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as Item[] | { error?: string } | null;
  if (!response.ok || !Array.isArray(body)) {
    throw new Error((body && !Array.isArray(body) && body.error) || "The list could not be loaded. Try again.");
  }
  const total = Number(response.headers.get("x-total-count") ?? Number.NaN);
  return { items: body, total: Number.isSafeInteger(total) ? total : null };
}

export type SearchComboboxProps<Item> = {
  /** The trigger's id: point a `<Label htmlFor>` at it, or give `ariaLabel`. */
  id?: string;
  ariaLabel?: string;
  /** The search field's accessible name ("Search team members"). */
  searchLabel: string;
  /** What the trigger shows when nothing is chosen. */
  placeholder: React.ReactNode;
  /** The chosen option, shown on the trigger. */
  selected?: SearchOption | null;
  /** What the trigger shows instead of the chosen option (the account switcher's current account). */
  triggerContent?: React.ReactNode;
  /** A route that answers `?q=` with a JSON array; searched on the server as the person types. */
  source: string;
  toOption: (item: Item) => SearchOption;
  onSelect: (option: SearchOption) => void;
  /** Options always listed first and not searched. */
  pinned?: SearchOption[];
  /** Values shown as chosen, for a multi-select that keeps the list open. */
  chosen?: ReadonlySet<string>;
  closeOnSelect?: boolean;
  emptyText?: string;
  invalid?: boolean;
  describedBy?: string;
  /** The trigger button, for a form that moves the focus to a refused field. */
  triggerRef?: React.Ref<HTMLButtonElement>;
  disabled?: boolean;
  className?: string;
  contentClassName?: string;
  align?: "start" | "center" | "end";
  /** Open when first rendered (a trigger that loaded this component on its first click). */
  defaultOpen?: boolean;
  /**
   * What to say when the server has more items than it listed (its `X-Total-Count`), so that nobody takes the
   * first page for all there is: `(total) => "type to search 307 accounts"`.
   */
  moreHint?: (total: number, shown: number) => string;
};

/**
 * A button that opens a searchable list whose options come from the server (so that it works with a million
 * customers): the typed term is sent, debounced, to `source`. Arrow keys move through the options, Enter
 * chooses, Escape closes.
 */
export function SearchCombobox<Item>(props: SearchComboboxProps<Item>) {
  return (
    <WithQueryClient>
      <SearchComboboxControl {...props} />
    </WithQueryClient>
  );
}

function SearchComboboxControl<Item>({
  id,
  ariaLabel,
  searchLabel,
  placeholder,
  selected,
  triggerContent,
  source,
  toOption,
  onSelect,
  pinned = [],
  chosen,
  closeOnSelect = true,
  emptyText = "Nothing matches your search.",
  invalid,
  describedBy,
  triggerRef,
  disabled,
  className,
  contentClassName,
  align = "start",
  defaultOpen = false,
  moreHint,
}: SearchComboboxProps<Item>) {
  const [open, setOpen] = React.useState(defaultOpen);
  const [term, setTerm] = React.useState("");
  const [active, setActive] = React.useState(0);
  const debounced = useDebouncedValue(term.trim());
  const listId = React.useId();
  const hintId = `${listId}-hint`;

  const query = useQuery({
    queryKey: ["lookup", source, debounced],
    queryFn: () => fetchLookupPage<Item>(source, debounced),
    enabled: open,
    staleTime: 10_000,
  });
  const items = query.data?.items;
  const total = query.data?.total ?? null;
  const options = React.useMemo(() => [...pinned, ...(items ?? []).map(toOption)], [pinned, items, toOption]);
  const hint = moreHint && items && total !== null && total > items.length ? moreHint(total, items.length) : null;
  const searching = query.isFetching || term.trim() !== debounced;

  function choose(option: SearchOption) {
    onSelect(option);
    if (closeOnSelect) setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    }
  }

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setActive(0);
        if (!next) setTerm("");
      }}
    >
      <PopoverTrigger asChild>
        <button
          ref={triggerRef}
          id={id}
          type="button"
          role="combobox"
          aria-label={ariaLabel}
          aria-expanded={open}
          aria-controls={listId}
          aria-haspopup="listbox"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          className={cn(comboboxTriggerClassName, className)}
        >
          {triggerContent ?? <span className={cn("truncate", !selected && "text-muted-foreground")}>{selected ? selected.label : placeholder}</span>}
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 opacity-60" />
        </button>
      </PopoverTrigger>
      <PopoverContent align={align} aria-label={searchLabel} className={cn("w-(--radix-popover-trigger-width) min-w-72 p-0", contentClassName)}>
        <div className="flex items-center gap-2 border-b px-3">
          <Search aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          <input
            type="search"
            autoFocus
            aria-label={searchLabel}
            aria-controls={listId}
            aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
            aria-describedby={hint ? hintId : undefined}
            placeholder={`${searchLabel}…`}
            value={term}
            onChange={(event) => {
              setTerm(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="h-10 w-full bg-transparent text-sm outline-hidden placeholder:text-muted-foreground"
          />
          {searching ? <LoaderCircle aria-hidden="true" className="size-4 shrink-0 animate-spin text-muted-foreground motion-reduce:animate-none" /> : null}
        </div>
        <ul id={listId} role="listbox" aria-label={searchLabel} aria-multiselectable={chosen ? true : undefined} className="max-h-72 overflow-y-auto p-1">
          {options.map((option, index) => {
            const isChosen = chosen?.has(option.value) ?? selected?.value === option.value;
            return (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={isChosen}
                data-active={index === active || undefined}
                onMouseMove={() => setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm select-none data-active:bg-accent data-active:text-accent-foreground"
              >
                <Check aria-hidden="true" className={cn("size-4 shrink-0 text-primary", !isChosen && "invisible")} />
                <span className="flex min-w-0 flex-col">
                  <span className="truncate">{option.label}</span>
                  {option.description ? <span className="truncate text-xs text-muted-foreground">{option.description}</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
        {hint ? (
          <p id={hintId} className="border-t px-3 py-2 text-xs text-muted-foreground">
            {hint}
          </p>
        ) : null}
        <p role="status" className="px-3 pb-2 text-xs text-muted-foreground empty:hidden">
          {query.isError
            ? (query.error as Error).message
            : !searching && items && items.length === 0
              ? emptyText
              : searching && options.length === pinned.length
                ? "Searching…"
                : ""}
        </p>
      </PopoverContent>
    </Popover>
  );
}
