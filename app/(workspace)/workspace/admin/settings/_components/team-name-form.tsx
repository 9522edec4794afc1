"use client";

import { saveTeamName } from "../actions";
import { teamNameSchema } from "@/lib/workspace/schemas";
import { TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field-error";

/** The **Team name** field: editable by roles that may manage collaborators, read-only for everyone else. */
export function TeamNameForm({ name, canEdit }: { name: string; canEdit: boolean }) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: teamNameSchema,
    defaultValues: { name },
    action: saveTeamName,
    success: () => "Team name saved.",
  });

  return (
    <form noValidate onSubmit={onSubmit} className="grid max-w-md gap-2">
      <TextField
        control={form.control}
        name="name"
        id="team-name"
        label="Team name"
        description={
          canEdit
            ? "The name of this account, as the partner and your collaborators see it."
            : "Only roles that may manage collaborators can change the team name."
        }
        maxLength={120}
        readOnly={!canEdit}
      />
      <FormAlert>{formError}</FormAlert>
      {canEdit ? (
        <div>
          <Button type="submit" pending={pending} disabled={form.watch("name").trim() === name}>
            Save
          </Button>
        </div>
      ) : null}
    </form>
  );
}
