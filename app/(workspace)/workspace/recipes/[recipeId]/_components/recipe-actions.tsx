"use client";

import * as React from "react";
import { Play, Save, Square } from "lucide-react";
import { toast } from "sonner";

import { changeRecipeStatus, saveNewVersion } from "../actions";
import { saveVersionSchema } from "@/lib/workspace/schemas";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/field-error";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Textarea } from "@/components/ui/textarea";

export type RecipeActionsProps = {
  recipe: { id: number; name: string; status: "running" | "stopped" };
  canRun: boolean;
  canEdit: boolean;
};

/** Start or stop the recipe, and **Save new version**, for the roles that may. The server checks again. */
export function RecipeActions({ recipe, canRun, canEdit }: RecipeActionsProps) {
  const [statusPending, setStatusPending] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const running = recipe.status === "running";
  const {
    form,
    onSubmit,
    pending: saving,
    formError,
    reset,
  } = useActionForm({
    schema: saveVersionSchema,
    defaultValues: { recipeId: recipe.id, comment: "" },
    action: saveNewVersion,
    success: (saved) => `Version ${saved.version} saved.`,
    onSuccess: () => setOpen(false),
  });

  // The action revalidates the recipe's page.
  async function toggle() {
    setStatusPending(true);
    const result = await changeRecipeStatus({ recipeId: recipe.id, status: running ? "stopped" : "running" });
    setStatusPending(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(running ? "Recipe stopped." : "Recipe started.");
  }

  return (
    <div className="flex flex-wrap gap-2">
      {canRun ? (
        <Button variant="outline" pending={statusPending} onClick={toggle}>
          {running ? <Square aria-hidden="true" /> : <Play aria-hidden="true" />}
          {running ? "Stop recipe" : "Start recipe"}
        </Button>
      ) : null}
      {canEdit ? (
        <Button
          onClick={() => {
            reset();
            setOpen(true);
          }}
        >
          <Save aria-hidden="true" />
          Save new version
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={(next) => (saving ? undefined : setOpen(next))}>
        <DialogContent>
          <form noValidate onSubmit={onSubmit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Save new version</DialogTitle>
              <DialogDescription>A new version of {recipe.name}, recorded with your name under Modified by.</DialogDescription>
            </DialogHeader>
            <FormField
              control={form.control}
              name="comment"
              id="version-comment"
              label={
                <>
                  Comment <span className="font-normal text-muted-foreground">(optional)</span>
                </>
              }
            >
              {(field) => <Textarea {...field} maxLength={200} />}
            </FormField>
            <FormAlert>{formError}</FormAlert>
            <DialogFormFooter submitLabel="Save version" pending={saving} onCancel={() => setOpen(false)} />
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
