"use client";

import * as React from "react";
import { useController, type Control, type ControllerRenderProps, type FieldValues, type Path } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { messagesOf } from "./use-action-form";

/** What a field hands its control: the value and handlers, its id, and the ARIA that ties it to its messages. */
export type FieldControlProps<Values extends FieldValues, Name extends Path<Values>> = ControllerRenderProps<Values, Name> & {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

export type FormFieldProps<Values extends FieldValues, Name extends Path<Values>> = {
  control: Control<Values, unknown, Values>;
  name: Name;
  /** The control's id; the description's and the error's ids derive from it. */
  id: string;
  label: React.ReactNode;
  /** Next to the label, such as a **Forgot password?** link. */
  labelAside?: React.ReactNode;
  /** Between the label and the control, such as what a change affects. */
  above?: React.ReactNode;
  description?: React.ReactNode;
  /** After the error, such as a warning about the value. */
  below?: React.ReactNode;
  /** More ids that describe the control, such as why it is disabled. */
  describedBy?: string;
  className?: string;
  children: (control: FieldControlProps<Values, Name>) => React.ReactNode;
};

/** One labelled field of a `useActionForm` form, with its description and its errors (the browser's or the server's). */
export function FormField<Values extends FieldValues, Name extends Path<Values>>(props: FormFieldProps<Values, Name>) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const messages = messagesOf(fieldState.error);
  const descriptionId = `${props.id}-description`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.description ? descriptionId : null, messages.length ? errorId : null, props.describedBy].filter(Boolean).join(" ");

  return (
    <div className={cn("flex flex-col gap-1.5", props.className)}>
      {props.labelAside ? (
        <div className="flex items-baseline justify-between">
          <Label htmlFor={props.id}>{props.label}</Label>
          {props.labelAside}
        </div>
      ) : (
        <Label htmlFor={props.id}>{props.label}</Label>
      )}
      {props.above}
      {props.children({ ...field, id: props.id, "aria-invalid": messages.length ? true : undefined, "aria-describedby": describedBy || undefined })}
      {props.description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {props.description}
        </p>
      ) : null}
      <FieldError id={errorId}>
        {messages.length
          ? messages.map((message) => (
              <span key={message} className="block">
                {message}
              </span>
            ))
          : null}
      </FieldError>
      {props.below}
    </div>
  );
}

/** A `FormField` whose control is a text input; the rest of the props go to the input. */
export function TextField<Values extends FieldValues, Name extends Path<Values>>({
  control,
  name,
  id,
  label,
  labelAside,
  above,
  description,
  below,
  describedBy,
  className,
  ...input
}: Omit<FormFieldProps<Values, Name>, "children"> & Omit<React.ComponentProps<typeof Input>, "id" | "name" | "value" | "onChange" | "onBlur" | "ref">) {
  return (
    <FormField {...{ control, name, id, label, labelAside, above, description, below, describedBy, className }}>
      {(field) => <Input {...field} {...input} value={field.value ?? ""} />}
    </FormField>
  );
}

/** A `useActionForm` field whose value is a list of choices, one checkbox each, in a fieldset with a legend. */
export function CheckboxGroupField<Values extends FieldValues, Name extends Path<Values>>(props: {
  control: Control<Values, unknown, Values>;
  name: Name;
  /** Prefixes the checkboxes' ids (`${id}-${value}`) and the error's. */
  id: string;
  legend: React.ReactNode;
  options: readonly { value: string; label: React.ReactNode }[];
  description?: React.ReactNode;
  /** The options' layout. */
  className?: string;
}) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const chosen = field.value as string[];
  const messages = messagesOf(fieldState.error);
  const errorId = `${props.id}-error`;

  return (
    <fieldset className="space-y-2" aria-describedby={messages.length ? errorId : undefined}>
      <legend className="text-sm font-medium">{props.legend}</legend>
      <div className={props.className}>
        {props.options.map((option, index) => (
          <div key={option.value} className="flex items-center gap-2">
            <Checkbox
              // The first box takes the focus when the field is refused.
              ref={index === 0 ? field.ref : undefined}
              id={`${props.id}-${option.value}`}
              checked={chosen.includes(option.value)}
              onBlur={field.onBlur}
              onCheckedChange={(on) => field.onChange(on === true ? [...new Set([...chosen, option.value])] : chosen.filter((value) => value !== option.value))}
            />
            <Label htmlFor={`${props.id}-${option.value}`} className="text-sm font-normal">
              {option.label}
            </Label>
          </div>
        ))}
      </div>
      {props.description ? <p className="text-xs text-muted-foreground">{props.description}</p> : null}
      <FieldError id={errorId}>{messages[0]}</FieldError>
    </fieldset>
  );
}
