"use client";

import "@/lib/zod-browser";
import * as React from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import type { ActionResult } from "@/lib/transport/action";
import type { FieldErrors } from "@/lib/errors";
import { UNREACHABLE } from "./messages";

type FormSchema = z.ZodType<unknown, FieldValues>;

export type ActionFormOptions<Schema extends FormSchema, Result> = {
  /** The same zod schema the server action parses (or its fields'): checked in the browser first. */
  schema: Schema;
  /** Every field of the form, in the order they appear: the first invalid one gets the focus. */
  defaultValues: z.input<Schema>;
  /** Sends what the person typed (the schema's input, not its output: the server parses it again). */
  action: (values: z.input<Schema>) => Promise<ActionResult<Result>>;
  /** The success toast, or null for none; `values` as the schema reads them (trimmed, say). */
  success?: (data: Result, values: z.output<Schema>) => string | null;
  /** Awaited while the form stays pending (a sign-in after the account is made, say). */
  onSuccess?: (data: Result, values: z.output<Schema>) => void | Promise<void>;
  /** After the field errors are placed and the error said (to clear a password, say). */
  onFailure?: (failure: { error: string; fieldErrors?: FieldErrors }) => void;
  /** Success leaves the page: the form stays pending until it has gone. */
  leavesPage?: boolean;
  /** Say the form's error in a toast instead of above the fields, as the Settings page does. */
  toastErrors?: boolean;
  /** A message to show on arrival (a sign-in link that expired, say). */
  initialError?: string | null;
};

export type ActionForm<Values extends FieldValues> = {
  form: UseFormReturn<Values, unknown, Values>;
  /** For `<form onSubmit>`. */
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  /** The server's answer that belongs to no field (or could not be sent at all); null when there is none. */
  formError: string | null;
  /** Back to the defaults (or `values`), without errors: a dialog that opens again. */
  reset: (values?: Values) => void;
  /** A dialog's `onOpenChange` that also resets the form when the dialog closes. */
  resetOnClose: (onOpenChange: (open: boolean) => void) => (open: boolean) => void;
};

/**
 * The one way to build a form on a server action: react-hook-form with the server's zod schema, typed input kept
 * on a refusal, the server's field errors on their fields, the focus on the first invalid field, a pending state,
 * and the error that belongs to no field said once (above the form, or in a toast).
 */
export function useActionForm<Schema extends FormSchema, Result>(options: ActionFormOptions<Schema, Result>): ActionForm<z.input<Schema>> {
  type Values = z.input<Schema>;
  const { schema, defaultValues, action, success, onSuccess, onFailure, toastErrors, leavesPage } = options;
  const form = useForm<Values, unknown, Values>({
    // raw: the action receives what was typed and parses it itself, as it must for any other caller.
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<Values, unknown, Values>,
    defaultValues: defaultValues as DefaultValues<Values>,
    criteriaMode: "all",
  });
  const [formError, setFormError] = React.useState<string | null>(options.initialError ?? null);
  const [leaving, setLeaving] = React.useState(false);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      const result: ActionResult<Result> = await action(values).catch(() => ({ ok: false, error: UNREACHABLE }));
      if (result.ok) {
        const parsed = schema.parse(values);
        const message = success?.(result.data, parsed);
        if (message) toast.success(message);
        if (leavesPage) setLeaving(true);
        await onSuccess?.(result.data, parsed);
        return;
      }
      const placed = placeFieldErrors(form, shownFields(form, defaultValues), result.fieldErrors);
      if (toastErrors) toast.error(result.error);
      else if (!placed) setFormError(result.error);
      onFailure?.(result);
    },
    (errors) => {
      // A value the form carries but does not show (a link's token, a record's ID) is refused only by tampering;
      // say so rather than refuse nothing visible.
      const hidden = Object.entries(errors).filter(([field]) => !shownFields(form, defaultValues).includes(field));
      if (hidden.length === Object.keys(errors).length) setFormError(hidden[0]?.[1]?.message?.toString() ?? "Something went wrong; reload the page.");
    },
  );

  function reset(values?: Values) {
    form.reset(values);
    setFormError(null);
  }
  const resetOnClose = (onOpenChange: (open: boolean) => void) => (open: boolean) => {
    if (!open) reset();
    onOpenChange(open);
  };

  return { form, onSubmit, pending: form.formState.isSubmitting || leaving, formError, reset, resetOnClose };
}

/** The fields on screen, in the order of the defaults (the form's order). */
function shownFields<Values extends FieldValues>(form: UseFormReturn<Values, unknown, Values>, defaultValues: object): string[] {
  // `_names.mount` is react-hook-form's own record of the fields rendered (part of its typed Control).
  return Object.keys(defaultValues).filter((field) => form.control._names.mount.has(field));
}

/** Puts the server's field errors on the form's fields and focuses the first; false when none is one of them. */
function placeFieldErrors<Values extends FieldValues>(form: UseFormReturn<Values, unknown, Values>, fields: string[], errors: FieldErrors = {}) {
  const onForm = fields.filter((field) => errors[field]?.length);
  for (const field of onForm) {
    const messages = errors[field]!;
    form.setError(field as Path<Values>, {
      type: "server",
      message: messages[0],
      types: Object.fromEntries(messages.map((message, index) => [`server${index}`, message])),
    });
  }
  if (onForm[0]) form.setFocus(onForm[0] as Path<Values>);
  return onForm.length > 0;
}

/** Every message of a field's error: the browser's check may find several, and the server names each bad entry. */
export function messagesOf(error: FieldError | undefined): string[] {
  if (!error) return [];
  const all = Object.values(error.types ?? {}).flatMap((value) => (typeof value === "string" ? [value] : Array.isArray(value) ? value : []));
  const unique = [...new Set(all)];
  return unique.length > 0 ? unique : error.message ? [error.message] : [];
}
