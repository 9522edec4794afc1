"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/** Up to two initials from a person's name ("Ada Lovelace" → "AL"), or from an email's local part. */
export function getInitials(name: string | null | undefined): string {
  const base = (name ?? "").trim().split("@")[0] ?? "";
  const words = base.split(/[\s._-]+/u).filter(Boolean);
  if (words.length === 0) return "?";
  const initial = (word: string | undefined) => (word ? (Array.from(word)[0] ?? "") : "");
  const first = initial(words[0]);
  const last = words.length > 1 ? initial(words[words.length - 1]) : "";
  return (first + last).toUpperCase();
}

const userAvatarSizes = {
  sm: "size-6 text-[10px]",
  default: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

export type UserAvatarProps = {
  name: string;
  src?: string | null;
  size?: keyof typeof userAvatarSizes;
  /**
   * Decorative by default (the name is shown or announced next to it) and hidden from assistive technology.
   * Pass `false` when the avatar stands alone: it is then announced as an image named after the person.
   */
  decorative?: boolean;
  className?: string;
};

/**
 * A person's picture, falling back to their initials when there is no picture or it fails to load. Plain markup
 * (no Radix Avatar): it is in every page's top bar, so its code is kept small.
 */
export function UserAvatar({ name, src, size = "default", decorative = true, className }: UserAvatarProps) {
  const [failedSrc, setFailedSrc] = React.useState<string | null>(null);
  const failed = src !== null && src !== undefined && failedSrc === src;
  const image = React.useRef<HTMLImageElement>(null);
  React.useEffect(() => {
    // A picture that failed before hydration fired its error event before React listened.
    const element = image.current;
    if (src && element && element.complete && element.naturalWidth === 0) setFailedSrc(src);
  }, [src]);
  return (
    <span
      data-slot="avatar"
      className={cn("relative flex shrink-0 overflow-hidden rounded-full", userAvatarSizes[size], className)}
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name })}
    >
      {src && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- people's pictures come from anywhere
        <img ref={image} src={src} alt="" onError={() => setFailedSrc(src)} className="aspect-square size-full object-cover" />
      ) : (
        <span className="flex size-full items-center justify-center rounded-full bg-muted font-medium text-muted-foreground uppercase select-none">
          {getInitials(name)}
        </span>
      )}
    </span>
  );
}
