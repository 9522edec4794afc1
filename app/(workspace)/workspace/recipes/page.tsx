import type { Metadata } from "next";

import { RecipesTable } from "../_components/recipes-table";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { listRecipes } from "@/lib/workspace/recipes";

export const metadata: Metadata = { title: "Recipes" };

export default async function RecipesPage() {
  const ctx = await requireWorkspacePage();
  const recipes = await listRecipes(ctx);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Recipes</h1>
        <p className="text-sm text-muted-foreground">Open a recipe to see its versions and who modified each one.</p>
      </div>
      <RecipesTable recipes={recipes} />
    </div>
  );
}
