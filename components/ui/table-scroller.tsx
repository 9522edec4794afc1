"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * The sideways-scrolling box around a table. While the table is wider than the box (a phone, a long name) the box
 * is a tab stop, so that a keyboard can scroll it even when the table holds no link or button (WCAG 2.1.1; axe
 * `scrollable-region-focusable`); while it fits it is no stop at all.
 */
export function TableScroller({ className, children, ...props }: React.ComponentProps<"div">) {
  const box = React.useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = React.useState(false);
  React.useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      data-slot="table-container"
      tabIndex={scrolls ? 0 : undefined}
      className={cn("relative w-full overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", className)}
      {...props}
    >
      {children}
    </div>
  );
}
