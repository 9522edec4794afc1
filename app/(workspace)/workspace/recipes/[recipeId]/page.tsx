import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";

import { RecipeStatusBadge } from "../../_components/recipe-status-badge";
import { RecipeActions } from "./_components/recipe-actions";
import { formatDateTime } from "@/lib/format";
import { parseRecordId } from "@/lib/ids";
import { orNotFound } from "@/lib/transport/page";
import { actingAsLabel } from "@/lib/audit/labels";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { permits } from "@/lib/authorization/authorize";
import { getRecipe } from "@/lib/workspace/recipes";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Recipe" };

export default async function RecipePage({ params }: { params: Promise<{ recipeId: string }> }) {
  const ctx = await requireWorkspacePage();
  const recipeId = parseRecordId((await params).recipeId);
  if (recipeId === null) notFound();
  const recipe = await orNotFound(getRecipe(ctx, recipeId));

  return (
    <div className="space-y-6">
      <Link href="/workspace/recipes" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Recipes
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">{recipe.name}</h1>
          <RecipeStatusBadge status={recipe.status} />
        </div>
        <RecipeActions
          recipe={{ id: recipe.id, name: recipe.name, status: recipe.status }}
          canRun={permits(ctx, "workspace.recipes.run")}
          canEdit={permits(ctx, "workspace.recipes.edit")}
        />
      </div>
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-lg font-semibold tracking-tight">
          Versions
        </h2>
        <Table aria-label="Versions">
          <TableHeader>
            <TableRow>
              <TableHead>Version</TableHead>
              <TableHead>Modified by</TableHead>
              <TableHead>Comment</TableHead>
              <TableHead>Saved</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {recipe.versions.map((version) => (
              <TableRow key={version.id}>
                <TableCell className="font-medium tabular-nums">{version.version}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2">
                    <span>{version.modifiedBy ? version.modifiedBy.name : "Former user"}</span>
                    {version.modifiedAs !== "customer_collaborator" ? <Badge variant="outline">{actingAsLabel(version.modifiedAs)}</Badge> : null}
                  </div>
                  {version.modifiedBy ? <div className="text-xs text-muted-foreground">{version.modifiedBy.email}</div> : null}
                </TableCell>
                <TableCell className="text-muted-foreground">{version.comment || "—"}</TableCell>
                <TableCell className="text-muted-foreground">{formatDateTime(version.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
