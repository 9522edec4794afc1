"use client";

import * as React from "react";
import { usePathname } from "next/navigation";

import { focusPageAfterNavigation, trackFocus } from "@/components/focus-return";

/**
 * Keeps keyboard focus off `<body>` for the whole app: remembers the last control used outside dialogs and menus,
 * and after a client navigation that removed the focused element (switching into or out of an account from a dialog
 * or the banner) moves focus to the new page's heading once it has rendered. A link that stays on screen (the
 * sidebar) keeps its focus.
 */
export function FocusKeeper() {
  const pathname = usePathname();
  React.useEffect(() => trackFocus(), []);
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusPageAfterNavigation();
  }, [pathname]);
  return null;
}
