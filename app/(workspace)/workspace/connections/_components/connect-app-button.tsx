"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";

import { connect } from "../actions";
import type { AppOption } from "@/lib/workspace/connections";
import { connectAppSchema } from "@/lib/workspace/schemas";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AppIcon } from "@/components/apps/app-icon";

type Errors = Partial<Record<"appId" | "name" | "form", string>>;

/** **Connect an app**: only the apps this account may use are offered (rule U23), and the server checks again. */
export function ConnectAppButton({ apps }: { apps: AppOption[] }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [appId, setAppId] = React.useState("");
  const [name, setName] = React.useState("");
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, setPending] = React.useState(false);

  function reset(next: boolean) {
    setOpen(next);
    if (next) {
      setAppId("");
      setName("");
      setErrors({});
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = connectAppSchema.safeParse({ appId: appId ? Number(appId) : Number.NaN, name });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as "appId" | "name"] ??= issue.message;
      return setErrors(next);
    }
    setPending(true);
    const result = await connect(parsed.data);
    setPending(false);
    if (!result.ok) return setErrors({ appId: result.fieldErrors?.appId?.[0], name: result.fieldErrors?.name?.[0], form: result.error });
    toast.success(`${parsed.data.name} connected.`);
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button onClick={() => reset(true)}>
        <Plus aria-hidden="true" />
        Connect an app
      </Button>
      <Dialog open={open} onOpenChange={(next) => (pending ? undefined : reset(next))}>
        <DialogContent>
          <form noValidate onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Connect an app</DialogTitle>
              <DialogDescription>The apps your account may connect to.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor="connection-app">App</Label>
              <Select
                value={appId}
                onValueChange={(value) => {
                  setAppId(value);
                  const app = apps.find((option) => String(option.id) === value);
                  if (app && !name) setName(app.name);
                }}
              >
                <SelectTrigger id="connection-app" aria-invalid={errors.appId ? true : undefined} aria-describedby={errors.appId ? "connection-app-error" : undefined}>
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
              <FieldError id="connection-app-error">{errors.appId}</FieldError>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="connection-name">Connection name</Label>
              <Input
                id="connection-name"
                value={name}
                maxLength={100}
                onChange={(event) => setName(event.target.value)}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? "connection-name-error" : undefined}
              />
              <FieldError id="connection-name-error">{errors.name}</FieldError>
            </div>
            <FieldError>{errors.form && !errors.appId && !errors.name ? errors.form : undefined}</FieldError>
            <DialogFormFooter submitLabel="Connect" pending={pending} onCancel={() => setOpen(false)} />
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
