import { Workflow } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RecipeActivity } from "@/lib/customers/reads/dashboard";
import { formatNumber } from "@/lib/format";

/** Every recipe of the workspace with its status and its jobs in the period. */
export function RecipeTable({ recipes, periodLabel }: { recipes: RecipeActivity[]; periodLabel: string }) {
  return (
    <section aria-labelledby="recipes-heading" className="flex flex-col gap-3">
      <div>
        <h3 id="recipes-heading" className="text-base font-semibold tracking-tight">
          Recipes
        </h3>
        <p className="text-sm text-muted-foreground">Successful and failed jobs of each recipe, {periodLabel.toLowerCase()}.</p>
      </div>
      {recipes.length === 0 ? (
        <EmptyState icon={Workflow} headingLevel="h4" title="No recipes yet" description="This customer has not built any recipe." />
      ) : (
        <Table aria-label="Recipes">
          <TableHeader>
            <TableRow>
              <TableHead>Recipe</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Successful jobs</TableHead>
              <TableHead className="text-right">Failed jobs</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {recipes.map((recipe) => (
              <TableRow key={recipe.id}>
                <TableCell className="font-medium">{recipe.name}</TableCell>
                <TableCell>
                  <Badge variant={recipe.status === "running" ? "success" : "secondary"}>{recipe.status === "running" ? "Running" : "Stopped"}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(recipe.succeeded)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(recipe.failed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
