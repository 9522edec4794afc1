"use client";

import * as React from "react";
import { Plus } from "lucide-react";

import { connect } from "../actions";
import type { AppOption } from "@/lib/workspace/connections";
import { connectAppSchema } from "@/lib/workspace/schemas";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/field-error";
import { FormField, TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AppIcon } from "@/components/apps/app-icon";

/** **Connect an app**: only the apps this account may use are offered (rule U23), and the server checks again. */
export function ConnectAppButton({ apps }: { apps: AppOption[] }) {
  const [open, setOpen] = React.useState(false);
  const { form, onSubmit, pending, formError, reset } = useActionForm({
    schema: connectAppSchema,
    defaultValues: { appId: Number.NaN, name: "" },
    action: connect,
    success: (_created, values) => `${values.name} connected.`,
    onSuccess: () => setOpen(false),
  });

  function start(next: boolean) {
    setOpen(next);
    if (next) reset();
  }

  return (
    <>
      <Button onClick={() => start(true)}>
        <Plus aria-hidden="true" />
        Connect an app
      </Button>
      <Dialog open={open} onOpenChange={(next) => (pending ? undefined : start(next))}>
        <DialogContent>
          <form noValidate onSubmit={onSubmit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Connect an app</DialogTitle>
              <DialogDescription>The apps your account may connect to.</DialogDescription>
            </DialogHeader>
            <FormField control={form.control} name="appId" id="connection-app" label="App">
              {({ value, onChange, name: _name, disabled: _disabled, ...field }) => (
                <Select
                  value={Number.isNaN(value) ? "" : String(value)}
                  onValueChange={(chosen) => {
                    onChange(Number(chosen));
                    // The app's name is the connection's, unless one was typed.
                    const app = apps.find((option) => String(option.id) === chosen);
                    if (app && !form.getValues("name")) form.setValue("name", app.name);
                  }}
                >
                  <SelectTrigger {...field}>
                    <SelectValue placeholder="Choose an app" />
                  </SelectTrigger>
                  <SelectContent>
                    {apps.map((app) => (
                      <SelectItem key={app.id} value={String(app.id)}>
                        <AppIcon src={app.iconPath} className="size-4" />
                        {app.name}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <TextField control={form.control} name="name" id="connection-name" label="Connection name" maxLength={100} />
            <FormAlert>{formError}</FormAlert>
            <DialogFormFooter submitLabel="Connect" pending={pending} onCancel={() => setOpen(false)} />
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
