"use client";

/**
 * Where focus goes when the element that had it disappears (a dialog closes, a menu item that opened it is gone, a
 * page is replaced): without help the browser drops it on `<body>`, and a keyboard or screen-reader user starts again
 * from the top of the page. Rules, in order: an explicit target (the row just added), the last control the person
 * used outside any dialog or menu (the trigger), the page's `<h1>`, its `<main>`.
 */

const OVERLAYS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [data-radix-popper-content-wrapper]';
const DIALOGS = '[role="dialog"], [role="alertdialog"]';

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
 * Calls `step` on each frame until it returns true, for at most `timeoutMs`, or until the person clicks or presses a
 * key (they have moved on, and focus must not be taken from them). Returns nothing: the waiting is fire-and-forget.
 */
function eachFrameUntil(step: (lastChance: boolean) => boolean, timeoutMs: number): void {
  const until = performance.now() + timeoutMs;
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
  };
  const stop = () => {
    document.removeEventListener("pointerdown", interrupt, true);
    document.removeEventListener("keydown", interrupt, true);
  };
  const attempt = () => {
    const lastChance = performance.now() >= until;
    if (interrupted || step(lastChance) || lastChance) stop();
    else requestAnimationFrame(attempt);
  };
  // Listening starts once the current event (the click or Enter that caused the wait) is over.
  requestAnimationFrame(() => {
    document.addEventListener("pointerdown", interrupt, true);
    document.addEventListener("keydown", interrupt, true);
    attempt();
  });
}

/**
 * Focuses the element `find` returns as soon as it is rendered (the row of a customer just added, which arrives with
 * the server's next render: seconds on a slow server), unless the person has done something else meanwhile; the
 * trigger keeps focus until then.
 */
export function focusWhenRendered(find: () => HTMLElement | null, timeoutMs = 30_000): void {
  eachFrameUntil(() => {
    const element = find();
    // Not while a dialog is still open or closing: it would hand focus back to its trigger afterwards.
    if (!usable(element) || document.querySelector(DIALOGS)) return false;
    element.focus();
    element.scrollIntoView({ block: "nearest" });
    return true;
  }, timeoutMs);
}

/**
 * After a client navigation (switching into or out of an account, a form that leads to another page): once no
 * dialog is open and the new page's heading has rendered, focus goes to it if it fell to `<body>`, or to `<main>`
 * (the fallback used while the page was still loading). A control that kept focus (a sidebar link) keeps it.
 */
export function focusPageAfterNavigation(timeoutMs = 15_000): void {
  eachFrameUntil((lastChance) => {
    if (document.querySelector(DIALOGS)) return false;
    const active = document.activeElement;
    const lost = focusLost() || (active instanceof HTMLElement && active.id === "main");
    if (!lost) return true;
    const heading = document.querySelector<HTMLElement>("#main h1");
    if (!usable(heading) && !lastChance) return false;
    pageStart()?.focus({ preventScroll: true });
    return true;
  }, timeoutMs);
}
