"use client";

import * as React from "react";
import { Avatar as AvatarPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

export function Avatar({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Root>) {
  return (
    <AvatarPrimitive.Root
      data-slot="avatar"
      className={cn("relative flex size-8 shrink-0 overflow-hidden rounded-full", className)}
      {...props}
    />
  );
}

export function AvatarImage({
  className,
  ...props
}: React.ComponentProps<typeof AvatarPrimitive.Image>) {
  return (
    <AvatarPrimitive.Image
      data-slot="avatar-image"
      className={cn("aspect-square size-full object-cover", className)}
      {...props}
    />
  );
}

export function AvatarFallback({
  className,
  ...props
}: React.ComponentProps<typeof AvatarPrimitive.Fallback>) {
  return (
    <AvatarPrimitive.Fallback
      data-slot="avatar-fallback"
      className={cn(
        "flex size-full items-center justify-center rounded-full bg-muted text-xs font-medium text-muted-foreground uppercase select-none",
        className,
      )}
      {...props}
    />
  );
}

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

/** A person's picture, falling back to their initials when there is no picture or it fails to load. */
export function UserAvatar({
  name,
  src,
  size = "default",
  decorative = true,
  className,
}: UserAvatarProps) {
  return (
    <Avatar
      className={cn(userAvatarSizes[size], className)}
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name })}
    >
      {src ? <AvatarImage src={src} alt="" /> : null}
      <AvatarFallback delayMs={src ? 300 : undefined}>{getInitials(name)}</AvatarFallback>
    </Avatar>
  );
}
