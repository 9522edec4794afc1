"use client";

import { z } from "zod";
import { messagesOf } from "@/components/forms/use-action-form";
import { FieldError } from "@/components/ui/field-error";
import type { ConnectedApp } from "@/lib/customers/reads/table";
import { plural } from "@/lib/format";
import { BulkActionDialog, type BulkActionDialogProps } from "./bulk-action-dialog";

const MODES = [
  { value: "all", label: "All apps" },
  { value: "add", label: "Add apps to each customer's selection" },
  { value: "remove", label: "Remove apps from each customer's selection" },
] as const;

const appAccessFields = z
  .object({ mode: z.enum(["all", "add", "remove"]), appIds: z.array(z.string()) })
  .refine((values) => values.mode === "all" || values.appIds.length > 0, { path: ["appIds"], message: "Choose at least one app." });

/** **Set app access**: every app, or some apps added to (or removed from) each customer's own selection. */
export function AppAccessDialog({ apps, ...props }: BulkActionDialogProps & { apps: ConnectedApp[] }) {
  const namesOf = (ids: string[]) =>
    apps
      .filter((app) => ids.includes(String(app.id)))
      .map((app) => app.name)
      .join(", ");
  return (
    <BulkActionDialog
      {...props}
      title="Set app access"
      submitLabel="Set app access"
      schema={appAccessFields}
      defaultValues={{ mode: "all", appIds: [] }}
      toAction={({ mode, appIds }) => ({ type: "set_app_access", mode, appIds: mode === "all" ? [] : appIds })}
      effect={(count, { mode, appIds }) => {
        const customers = plural(count, "customer");
        if (mode === "all") return `Gives ${customers} access to all apps, including apps added later.`;
        if (appIds.length === 0) return `Choose the apps to ${mode} for ${customers}.`;
        return mode === "add"
          ? `Adds ${namesOf(appIds)} to the app access of ${customers}.`
          : `Removes ${namesOf(appIds)} from the app access of ${customers}.`;
      }}
    >
      {({ register, watch, formState }) => {
        const errors = messagesOf(formState.errors.appIds as Parameters<typeof messagesOf>[0]);
        return (
          <>
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium">App access</legend>
              {MODES.map((option) => (
                <label key={option.value} className="flex items-center gap-2 text-sm">
                  <input type="radio" value={option.value} {...register("mode")} className="size-4 accent-primary" />
                  {option.label}
                </label>
              ))}
            </fieldset>
            {watch("mode") === "all" ? null : (
              <fieldset className="space-y-2" aria-describedby={errors.length ? "bulk-apps-error" : undefined}>
                <legend className="mb-1 text-sm font-medium">{watch("mode") === "add" ? "Apps to add" : "Apps to remove"}</legend>
                <div className="max-h-56 space-y-2 overflow-y-auto">
                  {apps.map((app) => (
                    <label key={app.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" value={String(app.id)} {...register("appIds")} className="size-4 accent-primary" />
                      {app.name}
                    </label>
                  ))}
                </div>
                <FieldError id="bulk-apps-error">{errors[0]}</FieldError>
              </fieldset>
            )}
          </>
        );
      }}
    </BulkActionDialog>
  );
}
