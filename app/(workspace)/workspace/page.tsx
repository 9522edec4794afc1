import type { Metadata } from "next";

import { RecipesTable } from "./_components/recipes-table";
import { isSwitchedIn, requireWorkspacePage } from "@/lib/workspace/context";
import { FROM_CONSOLE_PARAM } from "@/lib/workspace-access/switch-notice";
import { PageNotice } from "@/components/shell/page-notice";
import { workspaceSummary } from "@/lib/workspace/dashboard";
import { listRecipes } from "@/lib/workspace/recipes";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard" };

export default async function WorkspaceDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireWorkspacePage();
  // Sent here from a partner console address while switched in (lib/auth/session.ts): say why (issue 12).
  const fromConsole = (await searchParams)[FROM_CONSOLE_PARAM] === "console" && isSwitchedIn(ctx);
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
      {fromConsole ? (
        <PageNotice title="The partner console is not available from inside a customer account">
          You are in {ctx.account.customerName}&apos;s account. Use <strong className="font-medium">Return to partner account</strong> at the top of the page to
          open the partner console again.
        </PageNotice>
      ) : null}
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-muted-foreground">{ctx.account.customerName}&apos;s integrations at a glance.</p>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map((figure) => (
          <Card key={figure.label} className="gap-1 px-4 py-4">
            <dt className="text-sm text-muted-foreground">{figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatNumber(figure.value)}</dd>
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
