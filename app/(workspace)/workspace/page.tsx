import type { Metadata } from "next";

import { RecipesTable } from "./_components/recipes-table";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { workspaceSummary } from "@/lib/workspace/dashboard";
import { listRecipes } from "@/lib/workspace/recipes";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function WorkspaceDashboardPage() {
  const ctx = await requireWorkspacePage();
  const summary = await workspaceSummary(ctx);
  const recipes = await listRecipes(ctx);
  const figures = [
    { label: "Recipes", value: summary.recipes },
    { label: "Running recipes", value: summary.running },
    { label: "Connections", value: summary.connections },
    { label: "Collaborators", value: summary.collaborators },
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-muted-foreground">{ctx.account.customerName}&apos;s integrations at a glance.</p>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map((figure) => (
          <Card key={figure.label} className="gap-1 px-4 py-4">
            <dt className="text-sm text-muted-foreground">{figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{figure.value.toLocaleString("en")}</dd>
          </Card>
        ))}
      </dl>
      <section aria-labelledby="recipes-heading" className="space-y-3">
        <h2 id="recipes-heading" className="text-lg font-semibold tracking-tight">
          Recipes
        </h2>
        <RecipesTable recipes={recipes} />
      </section>
    </div>
  );
}
