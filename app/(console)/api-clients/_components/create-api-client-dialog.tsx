"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CheckboxGroupField, TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createApiClientSchema } from "@/lib/api-clients/input";
import { API_SCOPES, ENVIRONMENT_TYPES, SCOPE_LABELS, type EnvironmentType } from "@/lib/api-clients/scopes";
import { createApiClientAction } from "../actions";

const ENVIRONMENT_LABELS: Record<EnvironmentType, string> = { development: "Development (DEV)", test: "Test", production: "Production" };
const SCOPE_OPTIONS = API_SCOPES.map((scope) => ({ value: scope, label: SCOPE_LABELS[scope] }));
const ENVIRONMENT_OPTIONS = ENVIRONMENT_TYPES.map((type) => ({ value: type, label: ENVIRONMENT_LABELS[type] }));

const projectNamesOf = (text: string) =>
  text
    .split(",")
    .map((project) => project.trim())
    .filter(Boolean);
const daysOf = (text: string) => (text.trim() === "" ? null : Number(text));

/**
 * The server's schema, with the two fields typed as text here (a comma-separated list, a number of days): each
 * is read as the server's field (without its default, which only an absent field takes).
 */
const formSchema = createApiClientSchema.extend({
  projectNames: z.string().transform(projectNamesOf).pipe(createApiClientSchema.shape.projectNames.in.removeDefault()),
  expiresInDays: z.string().transform(daysOf).pipe(createApiClientSchema.shape.expiresInDays.removeDefault()),
});

const EMPTY: z.input<typeof formSchema> = { name: "", scopes: [...API_SCOPES], environmentTypes: [...ENVIRONMENT_TYPES], projectNames: "", expiresInDays: "" };

/** **Create API client**: name, permissions, reach (rule A10), expiry; then the token, shown this once. */
export function CreateApiClientDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { form, onSubmit, pending } = useActionForm({
    schema: formSchema,
    defaultValues: EMPTY,
    action: (values) => createApiClientAction({ ...values, projectNames: projectNamesOf(values.projectNames), expiresInDays: daysOf(values.expiresInDays) }),
    success: (created) => `${created.client.name} was created.`,
    onSuccess: (created) => setToken(created.token),
    toastErrors: true,
  });
  const { control } = form;

  function reset(next: boolean) {
    if (!next) {
      form.reset();
      setToken(null);
      setCopied(false);
    }
    onOpenChange(next);
  }

  async function copy() {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success("Token copied.");
    } catch {
      toast.error("Could not copy: select the token and copy it yourself.");
    }
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="sm:max-w-lg">
        {token ? (
          <>
            <DialogHeader>
              <DialogTitle>Copy the token now</DialogTitle>
              <DialogDescription>This is the only time it is shown. Only a hash of it is kept; if you lose it, create another client.</DialogDescription>
            </DialogHeader>
            <div className="space-y-1.5">
              <Label htmlFor="api-client-token">API token</Label>
              <div className="flex gap-2">
                <Input id="api-client-token" readOnly value={token} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
                <Button type="button" variant="outline" onClick={copy} aria-label="Copy token">
                  {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />} Copy
                </Button>
              </div>
            </div>
            <DialogFooter>
              <Button onClick={() => reset(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Create API client</DialogTitle>
              <DialogDescription>Choose what the client may do and which environments and projects it may reach.</DialogDescription>
            </DialogHeader>
            <form noValidate onSubmit={onSubmit} className="space-y-4">
              <TextField control={control} name="name" id="api-client-name" label="Name" autoFocus />
              <CheckboxGroupField
                control={control}
                name="scopes"
                id="scope"
                legend="Permissions"
                options={SCOPE_OPTIONS}
                className="grid gap-2 sm:grid-cols-2"
              />
              <CheckboxGroupField
                control={control}
                name="environmentTypes"
                id="environment"
                legend="Environments"
                options={ENVIRONMENT_OPTIONS}
                description="Managing collaborators needs the Development environment."
                className="flex flex-wrap gap-4"
              />
              <TextField
                control={control}
                name="projectNames"
                id="api-client-projects"
                label="Projects (optional)"
                description="Project names, comma-separated. Leave empty for every project of the chosen environments."
                placeholder="All projects"
              />
              <TextField
                control={control}
                name="expiresInDays"
                id="api-client-expires"
                label="Expires after (days, optional)"
                inputMode="numeric"
                placeholder="Never"
                className="w-40"
              />
              <DialogFormFooter submitLabel="Create API client" pending={pending} onCancel={() => reset(false)} />
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
