"use client";

import * as React from "react";
import { toast } from "sonner";
import { UNREACHABLE } from "@/components/forms/messages";
import type { ActionResult } from "@/lib/transport/action";

/**
 * Calls a server action with a pending state, and says how it went with a toast: the success message, or the
 * action's error. Resolves to the action's result so that forms can show field errors.
 */
export function useActionRunner() {
  const [pending, startTransition] = React.useTransition();

  const run = React.useCallback(
    <T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string | null) =>
      new Promise<ActionResult<T>>((resolve) => {
        startTransition(async () => {
          const result: ActionResult<T> = await call().catch(() => ({ ok: false, error: UNREACHABLE }));
          if (result.ok) {
            const message = success(result.data);
            if (message) toast.success(message);
          } else {
            toast.error(result.error);
          }
          resolve(result);
        });
      }),
    [],
  );

  return { pending, run };
}
