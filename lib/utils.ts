import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Merge class names, letting later Tailwind utilities win over earlier ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/**
 * A post-sign-in destination that can only stay on this site: a path that starts with one "/"
 * (not "//" nor "/\", which browsers read as another host) and holds no control characters.
 * Anything else, absolute URLs included, gives `fallback`.
 */
export function safeCallbackPath(value: unknown, fallback = "/customers"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/")) return fallback;
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}
