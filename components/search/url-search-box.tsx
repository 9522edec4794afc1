"use client";

import * as React from "react";
import { debounce, parseAsString, useQueryStates } from "nuqs";
import { LoaderCircle, Search } from "lucide-react";

import { cn } from "@/lib/utils";
import { Input } from "@/components/ui/input";
import { WithUrlState } from "@/components/url-state";

export type UrlSearchBoxProps = {
  /** The accessible name (and placeholder) of the field. */
  label: string;
  placeholder?: string;
  /** The URL parameter that holds the term; the page reads it on the server. */
  param?: string;
  /** Parameters that a new term resets (a pagination cursor). */
  resets?: readonly string[];
  /** The term the server searched for, where it may differ from the URL's (an over-long one is cut): shown at first. */
  searched?: string;
  className?: string;
};

/** A search field kept in the URL, so that the server-rendered page searches and a link keeps the search. */
export function UrlSearchBox(props: UrlSearchBoxProps) {
  return (
    <WithUrlState>
      <UrlSearchField {...props} />
    </WithUrlState>
  );
}

function UrlSearchField({ label, placeholder, param = "q", resets = [], searched, className }: UrlSearchBoxProps) {
  const [pending, startTransition] = React.useTransition();
  const keys = React.useMemo(() => Object.fromEntries([param, ...resets].map((key) => [key, parseAsString.withDefault("")])), [param, resets]);
  const [values, setValues] = useQueryStates(keys, { shallow: false, startTransition });
  const [term, setTerm] = React.useState(searched ?? values[param] ?? "");
  const pushed = React.useRef(values[param] ?? "");
  const inUrl = values[param] ?? "";

  // The URL changed by other means (a "Clear filters" link, back and forward): show what it holds.
  React.useEffect(() => {
    if (inUrl !== pushed.current) {
      pushed.current = inUrl;
      setTerm(inUrl);
    }
  }, [inUrl]);

  function update(next: string) {
    setTerm(next);
    pushed.current = next;
    const cleared = Object.fromEntries(resets.map((key) => [key, null]));
    void setValues({ [param]: next || null, ...cleared }, { limitUrlUpdates: next ? debounce(300) : undefined });
  }

  return (
    <div role="search" className={cn("relative w-full max-w-sm", className)}>
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? `${label}…`}
        value={term}
        onChange={(event) => update(event.target.value)}
        className="pl-9"
      />
      {pending ? (
        <LoaderCircle
          aria-hidden="true"
          className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-muted-foreground motion-reduce:animate-none"
        />
      ) : null}
    </div>
  );
}
