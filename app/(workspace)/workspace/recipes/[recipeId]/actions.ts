"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/transport/workspace-action";
import { saveRecipeVersion, setRecipeStatus } from "@/lib/workspace/recipes";
import { recipeStatusSchema, saveVersionSchema } from "@/lib/workspace/schemas";

/** Start or stop a recipe. */
export const changeRecipeStatus = workspaceAction(recipeStatusSchema, async (ctx, input) => {
  await setRecipeStatus(ctx, input);
  revalidatePath(`/workspace/recipes/${input.recipeId}`);
  return null;
});

/** **Save new version**. */
export const saveNewVersion = workspaceAction(saveVersionSchema, async (ctx, input) => {
  const saved = await saveRecipeVersion(ctx, input);
  revalidatePath(`/workspace/recipes/${input.recipeId}`);
  return saved;
});
