"use client";

import * as React from "react";
import { MoreVertical } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/**
 * The ⋮ menu at the end of a table row, named after the row ("More actions for Sam Patel"). Not modal: a modal menu
 * hides the whole page from assistive technology while its links and buttons stay focusable (axe
 * `aria-hidden-focus`); a menu needs no more than its own focus handling and Escape.
 *
 * Being non-modal, the rest of the page stays in the accessibility tree, so the menu is rendered inside the row's
 * landmark (the page's `<main>`) rather than loose at the end of `<body>` (axe `region`). It is positioned as
 * `fixed`, so the table's scrolling and clipping do not affect it.
 */
export function RowActionsMenu({ name, children }: { name: string; children: React.ReactNode }) {
  const trigger = React.useRef<HTMLButtonElement>(null);
  const [landmark, setLandmark] = React.useState<Element | null>(null);
  return (
    <DropdownMenu
      modal={false}
      onOpenChange={(open) => {
        if (open) setLandmark(trigger.current?.closest("main, [role='main']") ?? null);
      }}
    >
      <DropdownMenuTrigger asChild>
        <Button ref={trigger} variant="ghost" size="icon" aria-label={`More actions for ${name}`}>
          <MoreVertical aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" container={landmark}>
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
