"use client";

import { toast } from "sonner";
import type { ActionResult } from "@/lib/transport/action";
import { UNREACHABLE } from "./messages";

/**
 * A `ConfirmDialog`'s `onConfirm` on a server action: says how it went with a toast; a refusal rejects, which keeps
 * the dialog open to retry or cancel. The action revalidates what it changed, so nothing here refreshes the page.
 */
export async function confirmed<T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string): Promise<T> {
  const result: ActionResult<T> = await call().catch(() => ({ ok: false, error: UNREACHABLE }));
  if (!result.ok) {
    toast.error(result.error);
    throw new Error(result.error);
  }
  toast.success(success(result.data));
  return result.data;
}
