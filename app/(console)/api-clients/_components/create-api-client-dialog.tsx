"use client";

import { Check, Copy } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { createApiClientSchema } from "@/lib/api-clients/input";
import { API_SCOPES, ENVIRONMENT_TYPES, SCOPE_LABELS, type ApiScope, type EnvironmentType } from "@/lib/api-clients/scopes";
import { createApiClientAction } from "../actions";

const ENVIRONMENT_LABELS: Record<EnvironmentType, string> = { development: "Development (DEV)", test: "Test", production: "Production" };

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

/** **Create API client**: name, permissions, reach (rule A10), expiry; then the token, shown this once. */
export function CreateApiClientDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange(open: boolean): void; onCreated(): void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([...API_SCOPES]);
  const [environments, setEnvironments] = useState<EnvironmentType[]>([...ENVIRONMENT_TYPES]);
  const [projects, setProjects] = useState("");
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  function reset(next: boolean) {
    if (!next) {
      setName("");
      setScopes([...API_SCOPES]);
      setEnvironments([...ENVIRONMENT_TYPES]);
      setProjects("");
      setExpires("");
      setErrors({});
      setToken(null);
      setCopied(false);
    }
    onOpenChange(next);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name,
      scopes,
      environmentTypes: environments,
      projectNames: projects.split(",").map((project) => project.trim()).filter(Boolean),
      expiresInDays: expires.trim() === "" ? null : Number(expires),
    };
    const parsed = createApiClientSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    startTransition(async () => {
      const result = await createApiClientAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
        return;
      }
      setToken(result.data.token);
      toast.success(`${result.data.client.name} was created.`);
      onCreated();
    });
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
            <form noValidate onSubmit={submit} className="space-y-4">
              <div className="space-y-1.5">
                <Label htmlFor="api-client-name">Name</Label>
                <Input id="api-client-name" value={name} onChange={(event) => setName(event.target.value)} autoFocus aria-invalid={errors.name ? true : undefined} />
                <FieldError id="api-client-name-error" errors={errors.name} />
              </div>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Permissions</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {API_SCOPES.map((scope) => (
                    <div key={scope} className="flex items-center gap-2">
                      <Checkbox id={`scope-${scope}`} checked={scopes.includes(scope)} onCheckedChange={(on) => setScopes(toggle(scopes, scope, on === true))} />
                      <Label htmlFor={`scope-${scope}`} className="text-sm font-normal">
                        {SCOPE_LABELS[scope]}
                      </Label>
                    </div>
                  ))}
                </div>
                <FieldError id="api-client-scopes-error" errors={errors.scopes} />
              </fieldset>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Environments</legend>
                <div className="flex flex-wrap gap-4">
                  {ENVIRONMENT_TYPES.map((type) => (
                    <div key={type} className="flex items-center gap-2">
                      <Checkbox id={`environment-${type}`} checked={environments.includes(type)} onCheckedChange={(on) => setEnvironments(toggle(environments, type, on === true))} />
                      <Label htmlFor={`environment-${type}`} className="text-sm font-normal">
                        {ENVIRONMENT_LABELS[type]}
                      </Label>
                    </div>
                  ))}
                </div>
                <p className="text-xs text-muted-foreground">Managing collaborators needs the Development environment.</p>
                <FieldError id="api-client-environments-error" errors={errors.environmentTypes} />
              </fieldset>
              <div className="space-y-1.5">
                <Label htmlFor="api-client-projects">Projects (optional)</Label>
                <Input id="api-client-projects" value={projects} onChange={(event) => setProjects(event.target.value)} placeholder="All projects" />
                <p className="text-xs text-muted-foreground">Project names, comma-separated. Leave empty for every project of the chosen environments.</p>
                <FieldError id="api-client-projects-error" errors={errors.projectNames} />
              </div>
              <div className="space-y-1.5">
                <Label htmlFor="api-client-expires">Expires after (days, optional)</Label>
                <Input id="api-client-expires" inputMode="numeric" value={expires} onChange={(event) => setExpires(event.target.value)} placeholder="Never" className="w-40" />
                <FieldError id="api-client-expires-error" errors={errors.expiresInDays} />
              </div>
              <DialogFooter>
                <Button type="button" variant="outline" onClick={() => reset(false)}>
                  Cancel
                </Button>
                <Button type="submit" pending={pending}>
                  Create API client
                </Button>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
