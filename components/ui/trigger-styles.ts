/*
 * The look of closed triggers, apart from their components: a page can render a select or combobox closed without
 * loading its code (components/ui/on-first-use.tsx), then swap in the real one when it is first opened.
 */

/** A select's button (components/ui/select.tsx). */
export const selectTriggerClassName =
  "flex w-full items-center justify-between gap-2 rounded-md border border-input bg-background px-3 py-2 text-sm whitespace-nowrap shadow-xs transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive data-placeholder:text-muted-foreground data-[size=default]:h-9 data-[size=sm]:h-8 *:data-[slot=select-value]:line-clamp-1 *:data-[slot=select-value]:flex *:data-[slot=select-value]:items-center *:data-[slot=select-value]:gap-2 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";

/** A server-searched combobox's button (components/ui/search-combobox.tsx). */
export const comboboxTriggerClassName =
  "flex h-9 w-full items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs transition-colors hover:bg-accent/40 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive";
