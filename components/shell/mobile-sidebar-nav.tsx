"use client";

import { loadOnDemand, OnFirstUse } from "@/components/ui/on-first-use";
import { OpenNavigationButton, type MobileSidebarNavProps } from "@/components/shell/sidebar-nav";

// The slide-over (Radix dialog) loads when it is first opened, not with every page. This loader lives apart from
// sidebar-nav.tsx because the slide-over imports that file, and what a loader loads must not import it back.
const slideOver = loadOnDemand(() => import("@/components/shell/mobile-sidebar-dialog").then((module) => module.MobileSidebarDialog));

/**
 * On small screens: an "Open navigation" button that slides the main navigation in from the left.
 * Hidden from `lg` up, where the sidebar is always shown.
 */
export function MobileSidebarNav(props: MobileSidebarNavProps) {
  return (
    <OnFirstUse
      preload={slideOver.preload}
      placeholder={(trigger) => <OpenNavigationButton className={props.className} {...trigger} />}
      control={<slideOver.Component {...props} />}
    />
  );
}
