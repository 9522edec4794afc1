import * as React from "react";
import { CircleAlert } from "lucide-react";

import { cn } from "@/lib/utils";

export type FieldErrorProps = Omit<React.ComponentProps<"p">, "children"> & {
  /** The message; or pass `errors` (the first one is shown), as zod's `fieldErrors` gives them. */
  children?: React.ReactNode;
  errors?: readonly string[] | string | null;
};

/**
 * A form field's error, announced when it appears. Give it an `id` and point the control at it with
 * `aria-describedby`, and set `aria-invalid` on the control. Renders nothing when there is no message.
 */
export function FieldError({ className, children, errors, ...props }: FieldErrorProps) {
  const message = children ?? (typeof errors === "string" ? errors : Array.isArray(errors) ? errors[0] : null);
  if (message === null || message === undefined || message === "" || message === false) return null;

  return (
    <p role="alert" data-slot="field-error" className={cn("flex items-start gap-1.5 text-sm text-destructive", className)} {...props}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
      <span>{message}</span>
    </p>
  );
}

/** A whole form's error (it could not be sent, or the server refused it), announced when it appears. */
export function FormAlert({ children }: { children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <div role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2.5 text-sm text-destructive">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>{children}</p>
    </div>
  );
}
