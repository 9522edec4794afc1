"use client";

import * as React from "react";
import { MoreVertical } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/**
 * The ⋮ menu at the end of a table row, named after the row ("More actions for Sam Patel"). Not modal: a modal menu
 * hides the whole page from assistive technology while its links and buttons stay focusable (axe
 * `aria-hidden-focus`); a menu needs no more than its own focus handling and Escape.
 */
export function RowActionsMenu({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`More actions for ${name}`}>
          <MoreVertical aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">{children}</DropdownMenuContent>
    </DropdownMenu>
  );
}
