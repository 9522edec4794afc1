"use client";

import * as React from "react";
import { z } from "zod";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/transport/action";

export interface TextSettingFormProps {
  /** The field's name in the action's input; server field errors are looked up by it. */
  field: string;
  label: string;
  defaultValue: string;
  /** The same field schema the server action applies. */
  schema: z.ZodType<unknown, string>;
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
  const { field, schema, save, savedMessage, disabled } = props;
  const formSchema = React.useMemo(() => z.object({ [field]: schema }), [field, schema]);
  const { form, onSubmit, pending } = useActionForm({
    schema: formSchema,
    defaultValues: { [field]: props.defaultValue },
    action: (values) => save(String(values[field])),
    success: (data) => (data.changed ? savedMessage : "Nothing to change."),
    toastErrors: true,
  });

  const Control = props.multiline ? Textarea : Input;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <fieldset disabled={disabled} className="flex flex-col gap-2">
        <FormField
          control={form.control}
          name={field}
          id={`setting-${field}`}
          label={props.label}
          above={props.warning}
          description={props.description}
          describedBy={props.disabledReasonId}
          className="gap-2"
        >
          {(control) => <Control {...control} placeholder={props.placeholder} autoComplete="off" spellCheck={false} className="max-w-xl" />}
        </FormField>
        <div>
          <Button type="submit" variant="outline" pending={pending}>
            {props.saveLabel}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
