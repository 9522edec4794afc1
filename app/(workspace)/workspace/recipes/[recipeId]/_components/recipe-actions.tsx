"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Play, Save, Square } from "lucide-react";
import { toast } from "sonner";

import { changeRecipeStatus, saveNewVersion } from "../actions";
import { saveVersionSchema } from "@/lib/workspace/schemas";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export type RecipeActionsProps = {
  recipe: { id: number; name: string; status: "running" | "stopped" };
  canRun: boolean;
  canEdit: boolean;
};

/** Start or stop the recipe, and **Save new version**, for the roles that may. The server checks again. */
export function RecipeActions({ recipe, canRun, canEdit }: RecipeActionsProps) {
  const router = useRouter();
  const [statusPending, setStatusPending] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const [comment, setComment] = React.useState("");
  const [error, setError] = React.useState<string | undefined>();
  const running = recipe.status === "running";

  async function toggle() {
    setStatusPending(true);
    const result = await changeRecipeStatus({ recipeId: recipe.id, status: running ? "stopped" : "running" });
    setStatusPending(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(running ? "Recipe stopped." : "Recipe started.");
    router.refresh();
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = saveVersionSchema.safeParse({ recipeId: recipe.id, comment });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setSaving(true);
    const result = await saveNewVersion(parsed.data);
    setSaving(false);
    if (!result.ok) return setError(result.fieldErrors?.comment?.[0] ?? result.error);
    toast.success(`Version ${result.data.version} saved.`);
    setOpen(false);
    setComment("");
    router.refresh();
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
            setError(undefined);
            setOpen(true);
          }}
        >
          <Save aria-hidden="true" />
          Save new version
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={(next) => (saving ? undefined : setOpen(next))}>
        <DialogContent>
          <form noValidate onSubmit={save} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Save new version</DialogTitle>
              <DialogDescription>A new version of {recipe.name}, recorded with your name under Modified by.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor="version-comment">
                Comment <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Textarea
                id="version-comment"
                value={comment}
                maxLength={200}
                onChange={(event) => setComment(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "version-comment-error" : undefined}
              />
              <FieldError id="version-comment-error">{error}</FieldError>
            </div>
            <DialogFormFooter submitLabel="Save version" pending={saving} onCancel={() => setOpen(false)} />
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
