"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { saveTeamName } from "../actions";
import { teamNameSchema } from "@/lib/workspace/schemas";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The **Team name** field: editable by roles that may manage collaborators, read-only for everyone else. */
export function TeamNameForm({ name, canEdit }: { name: string; canEdit: boolean }) {
  const router = useRouter();
  const [value, setValue] = React.useState(name);
  const [error, setError] = React.useState<string | undefined>();
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = teamNameSchema.safeParse({ name: value });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    setPending(true);
    const result = await saveTeamName(parsed.data);
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
    toast.success("Team name saved.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={submit} className="grid max-w-md gap-2">
      <Label htmlFor="team-name">Team name</Label>
      <Input
        id="team-name"
        value={value}
        maxLength={120}
        readOnly={!canEdit}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "team-name-error" : "team-name-hint"}
      />
      <p id="team-name-hint" className="text-xs text-muted-foreground">
        {canEdit
          ? "The name of this account, as the partner and your collaborators see it."
          : "Only roles that may manage collaborators can change the team name."}
      </p>
      <FieldError id="team-name-error">{error}</FieldError>
      {canEdit ? (
        <div>
          <Button type="submit" pending={pending} disabled={value.trim() === name}>
            Save
          </Button>
        </div>
      ) : null}
    </form>
  );
}
