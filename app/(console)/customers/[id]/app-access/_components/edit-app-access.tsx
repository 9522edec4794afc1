"use client";

import * as React from "react";
import { useController } from "react-hook-form";
import { Pencil, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatNumber, plural } from "@/lib/format";
import { appAccessInput } from "@/lib/app-access/schema";
import type { AppSummary } from "@/lib/app-access/selection";
import { messagesOf, useActionForm } from "@/components/forms/use-action-form";
import { updateAppAccessAction } from "../actions";
import { AppIcon } from "./app-icon";

interface EditAppAccessProps {
  customerId: number;
  catalog: AppSummary[];
  allApps: boolean;
  selectedIds: number[];
  disabled: boolean;
}

/**
 * **Edit** (rule U24): a window with a searchable list of every app, Select all and Clear, and an explicit
 * "Allow all apps" (choosing no app is not the same thing, and is refused); **Apply changes** saves.
 */
export function EditAppAccess({ customerId, catalog, allApps: initialAll, selectedIds, disabled }: EditAppAccessProps) {
  const [open, setOpen] = React.useState(false);
  const [search, setSearch] = React.useState("");
  const saved = { customerId, allApps: initialAll, appIds: selectedIds };
  const { form, onSubmit, pending, formError, reset } = useActionForm({
    schema: appAccessInput,
    defaultValues: saved,
    action: updateAppAccessAction,
    success: (data) => (data.changed ? "App access saved." : "Nothing to change."),
    onSuccess: () => setOpen(false),
    toastErrors: true,
  });
  // The list of apps is the field the refusal of an empty choice lands on, and gets the focus then.
  const {
    field: { value: appIds, onChange: setAppIds, ref: listRef },
    fieldState,
  } = useController({ control: form.control, name: "appIds" });
  const allApps = form.watch("allApps");
  const selected = new Set(appIds);

  const term = search.trim().toLowerCase();
  const shown = term ? catalog.filter((app) => app.name.toLowerCase().includes(term)) : catalog;

  function onOpenChange(next: boolean) {
    if (next) {
      // Every opening starts from what is saved.
      reset(saved);
      setSearch("");
    }
    setOpen(next);
  }

  function update(change: (draft: Set<number>) => void) {
    const draft = new Set(selected);
    change(draft);
    setAppIds([...draft]);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" disabled={disabled} aria-describedby={disabled ? "app-access-read-only" : undefined}>
          <Pencil aria-hidden="true" />
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Edit app access</DialogTitle>
          <DialogDescription>Choose the apps this customer can discover and connect to.</DialogDescription>
        </DialogHeader>
        {/* display: contents keeps the dialog's grid; Select all, Clear and Cancel are type="button". */}
        <form noValidate onSubmit={onSubmit} className="contents">
          <div className="flex items-start gap-3 rounded-md border px-3 py-2.5">
            <Checkbox
              id="allow-all-apps"
              checked={allApps}
              onCheckedChange={(checked) => form.setValue("allApps", checked === true, { shouldValidate: form.formState.isSubmitted })}
              aria-describedby="allow-all-apps-description"
              className="mt-0.5"
            />
            <div className="flex flex-col gap-1">
              <Label htmlFor="allow-all-apps">Allow all apps</Label>
              <p id="allow-all-apps-description" className="text-xs text-muted-foreground">
                Every app in the catalog, including apps released later.
              </p>
            </div>
          </div>

          {/* Each control is disabled, not the fieldset: inside a disabled fieldset the list could not take focus either, and
            a keyboard could not scroll through what "all apps" covers. */}
          <fieldset aria-disabled={allApps || undefined} className="flex min-w-0 flex-col gap-3 aria-disabled:opacity-60">
            <legend className="sr-only">Selected apps</legend>
            <div className="relative">
              <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
              <Input
                type="search"
                aria-label="Search apps"
                placeholder="Search apps"
                value={search}
                disabled={allApps}
                onChange={(event) => setSearch(event.target.value)}
                className="pl-8"
              />
            </div>
            <div className="flex items-center justify-between gap-2">
              <p aria-live="polite" className="text-sm text-muted-foreground">
                {/* "Allow all apps" ticks every box, so the count says so too. */}
                {allApps ? `All ${plural(catalog.length, "app")} selected` : `${formatNumber(selected.size)} of ${plural(catalog.length, "app")} selected`}
              </p>
              <div className="flex gap-1">
                <Button variant="ghost" size="sm" disabled={allApps} onClick={() => update((draft) => shown.forEach((app) => draft.add(app.id)))}>
                  Select all
                </Button>
                <Button variant="ghost" size="sm" disabled={allApps} onClick={() => update((draft) => shown.forEach((app) => draft.delete(app.id)))}>
                  Clear
                </Button>
              </div>
            </div>
            <ul
              ref={listRef}
              aria-label="Apps"
              aria-describedby={fieldState.error ? "app-access-error" : undefined}
              tabIndex={allApps ? 0 : -1}
              className="max-h-72 overflow-y-auto rounded-md border p-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              {shown.length === 0 ? (
                <li className="px-3 py-6 text-center text-sm text-muted-foreground">No app matches &ldquo;{search}&rdquo;.</li>
              ) : (
                shown.map((app) => (
                  <li key={app.id}>
                    <Label htmlFor={`app-${app.id}`} className="flex cursor-pointer items-center gap-2.5 rounded-sm px-2 py-1.5 font-normal hover:bg-accent">
                      <Checkbox
                        id={`app-${app.id}`}
                        checked={allApps || selected.has(app.id)}
                        disabled={allApps}
                        onCheckedChange={(checked) => update((draft) => (checked === true ? draft.add(app.id) : draft.delete(app.id)))}
                      />
                      <AppIcon app={app} />
                      {app.name}
                    </Label>
                  </li>
                ))
              )}
            </ul>
          </fieldset>

          <FieldError id="app-access-error" errors={messagesOf(fieldState.error)} />
          <FormAlert>{formError}</FormAlert>

          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Apply changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
