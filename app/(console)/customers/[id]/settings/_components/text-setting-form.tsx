"use client";

import * as React from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/transport/action";
import { useActionRunner } from "@/components/use-action-runner";

export interface TextSettingFormProps {
  /** The field's name in the action's input; server field errors are looked up by it. */
  field: string;
  label: string;
  defaultValue: string;
  /** The same field schema the server action applies. */
  schema: z.ZodType;
  save: (value: string) => Promise<ActionResult<{ changed: boolean }>>;
  savedMessage: string;
  saveLabel: string;
  description?: React.ReactNode;
  /** Shown above the field, e.g. what a change affects. */
  warning?: React.ReactNode;
  placeholder?: string;
  multiline?: boolean;
  disabled?: boolean;
  /** Describes why the field is disabled. */
  disabledReasonId?: string;
}

/**
 * A one-field settings form: validates in the browser with the server's own schema, saves through a server
 * action, and shows the server's field errors (each bad entry named) under the field.
 */
export function TextSettingForm(props: TextSettingFormProps) {
  const { field, label, schema, save, savedMessage, disabled } = props;
  const [value, setValue] = React.useState(props.defaultValue);
  const [errors, setErrors] = React.useState<string[]>([]);
  const { pending, run } = useActionRunner();
  const inputId = `setting-${field}`;
  const errorId = `${inputId}-error`;
  const describedBy = [props.description ? `${inputId}-description` : null, errors.length ? errorId : null, props.disabledReasonId]
    .filter(Boolean)
    .join(" ");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    const result = await run(() => save(value), (data) => (data.changed ? savedMessage : "Nothing to change."));
    setErrors(result.ok ? [] : (result.fieldErrors?.[field] ?? []));
  }

  const Control = props.multiline ? Textarea : Input;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <fieldset disabled={disabled} className="flex flex-col gap-2">
        <Label htmlFor={inputId}>{label}</Label>
        {props.warning}
        <Control
          id={inputId}
          name={field}
          value={value}
          placeholder={props.placeholder}
          onChange={(event: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => setValue(event.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy || undefined}
          autoComplete="off"
          spellCheck={false}
          className="max-w-xl"
        />
        {props.description ? (
          <p id={`${inputId}-description`} className="text-sm text-muted-foreground">
            {props.description}
          </p>
        ) : null}
        <FieldError id={errorId}>
          {errors.length > 0
            ? errors.map((message) => (
                <span key={message} className="block">
                  {message}
                </span>
              ))
            : null}
        </FieldError>
        <div>
          <Button type="submit" variant="outline" pending={pending}>
            {props.saveLabel}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
