"use client";

import { lazy, Suspense, useState, type ComponentType } from "react";

/**
 * A component whose code is fetched only when asked for: `preload` starts the download (on hover or focus),
 * `Component` renders it once loaded (inside a Suspense boundary).
 */
export function loadOnDemand<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () => (loading ??= load());
  const Component = lazy(async () => ({ default: await preload() }));
  return { Component, preload };
}

export interface FirstUseTrigger {
  onClick(): void;
  onPointerEnter(): void;
  onFocus(): void;
}

/**
 * A menu, popover or select whose code loads on its first use, not with the page: until then `placeholder` renders
 * its closed trigger (same role, name and look, wired with `trigger`); the first click renders `control`, which
 * must open itself. Hovering or focusing the trigger starts the download early.
 */
export function OnFirstUse({
  preload,
  placeholder,
  control,
}: {
  preload(): unknown;
  placeholder(trigger: FirstUseTrigger): React.ReactNode;
  control: React.ReactNode;
}) {
  const [used, setUsed] = useState(false);
  const closed = placeholder({ onClick: () => setUsed(true), onPointerEnter: () => void preload(), onFocus: () => void preload() });
  if (!used) return closed;
  return <Suspense fallback={closed}>{control}</Suspense>;
}
