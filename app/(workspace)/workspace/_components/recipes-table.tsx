import Link from "next/link";
import { Workflow } from "lucide-react";

import type { RecipeRow } from "@/lib/workspace/recipes";
import { RecipeStatusBadge } from "./recipe-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

/** The account's recipes: name, status, project, latest version and who made it. */
export function RecipesTable({ recipes }: { recipes: RecipeRow[] }) {
  if (recipes.length === 0) {
    return <EmptyState icon={Workflow} title="No recipes yet" description="Recipes built in this account show up here." />;
  }
  return (
    <Table aria-label="Recipes">
      <TableHeader>
        <TableRow>
          <TableHead>Recipe</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Project</TableHead>
          <TableHead>Version</TableHead>
          <TableHead>Modified by</TableHead>
          <TableHead>Last change</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recipes.map((recipe) => (
          <TableRow key={recipe.id}>
            <TableCell>
              <Link href={`/workspace/recipes/${recipe.id}`} className="font-medium hover:underline">
                {recipe.name}
              </Link>
            </TableCell>
            <TableCell>
              <RecipeStatusBadge status={recipe.status} />
            </TableCell>
            <TableCell className="text-muted-foreground">{recipe.projectName ?? "—"}</TableCell>
            <TableCell>{recipe.latestVersion ?? "—"}</TableCell>
            <TableCell>{recipe.modifiedByName ?? "—"}</TableCell>
            <TableCell className="text-muted-foreground">{formatDate(recipe.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
