"use client";

import { useTheme } from "next-themes";
import { Toaster } from "sonner";

/** Sonner follows the theme the person chose (light, dark or the system's). */
export function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster richColors closeButton position="bottom-right" theme={resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "system"} />;
}
