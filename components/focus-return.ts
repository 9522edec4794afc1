"use client";

/**
 * Where focus goes when the element that had it disappears (a dialog closes, a menu item that opened it is gone, a
 * page is replaced): without help the browser drops it on `<body>`, and a keyboard or screen-reader user starts again
 * from the top of the page. Rules, in order: an explicit target (the row just added), the last control the person
 * used outside any dialog or menu (the trigger), the page's `<h1>`, its `<main>`.
 */

const OVERLAYS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [data-radix-popper-content-wrapper]';

let lastOutside: HTMLElement | null = null;

function onFocusIn(event: FocusEvent) {
  const target = event.target;
  if (target instanceof HTMLElement && target !== document.body && !target.closest(OVERLAYS)) lastOutside = target;
}

/** Starts remembering the last control used outside dialogs and menus; returns the function that stops it. */
export function trackFocus(): () => void {
  document.addEventListener("focusin", onFocusIn);
  return () => document.removeEventListener("focusin", onFocusIn);
}

function usable(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element && element.isConnected && !element.closest("[inert], [aria-hidden='true']") && element.getClientRects().length > 0;
}

/** The page's heading (made focusable by script only), else its main landmark. */
function pageStart(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>("#main h1");
  if (heading) {
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    return heading;
  }
  return document.querySelector<HTMLElement>("#main");
}

function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** Once the current update has painted, puts focus back on a sensible element if it fell to `<body>`. */
export function rescueFocus(preferred?: HTMLElement | null): void {
  requestAnimationFrame(() => {
    if (!focusLost()) return;
    const target = [preferred, lastOutside].find(usable) ?? pageStart();
    target?.focus({ preventScroll: target === preferred ? false : true });
  });
}

/**
 * Focuses the element `find` returns as soon as it is rendered (the row of a customer just added, which arrives with
 * the server's next render), giving up after `timeoutMs`; the trigger keeps focus meanwhile.
 */
export function focusWhenRendered(find: () => HTMLElement | null, timeoutMs = 5_000): void {
  const until = performance.now() + timeoutMs;
  const attempt = () => {
    const element = find();
    // Not while a dialog is still open or closing: it would hand focus back to its trigger afterwards.
    if (usable(element) && !document.querySelector('[role="dialog"], [role="alertdialog"]')) {
      element.focus();
      element.scrollIntoView({ block: "nearest" });
    } else if (performance.now() < until) {
      requestAnimationFrame(attempt);
    }
  };
  requestAnimationFrame(attempt);
}
