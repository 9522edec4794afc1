import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recipes, recipeVersions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { recipeStatusSchema, saveVersionSchema } from "./schemas";
import { inWorkspace } from "./scope";
import { authorize } from "@/lib/authorization/authorize";

export type RecipeRow = {
  id: number;
  name: string;
  status: "running" | "stopped";
  projectName: string | null;
  latestVersion: number | null;
  modifiedByName: string | null;
  updatedAt: Date;
};

/** The account's recipes by name, with their latest version and who made it. */
export async function listRecipes(ctx: RequestContext): Promise<RecipeRow[]> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) => {
    // Raw SQL: a lateral join picks each recipe's latest version and its author in the one statement of the list.
    const rows = await tx.execute<RecipeRow>(sql`
      select r.id, r.name, r.status, p.name as "projectName", v.version as "latestVersion",
             u.name as "modifiedByName", r.updated_at as "updatedAt"
        from recipes r
        left join projects p on p.id = r.project_id
        left join lateral (select version, modified_by_id from recipe_versions
                            where recipe_id = r.id order by version desc limit 1) v on true
        left join users u on u.id = v.modified_by_id
       where r.customer_id = ${customerId} and r.partner_id = ${ctx.partnerId}
       order by lower(r.name), r.id`);
    return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
  });
}

export type RecipeVersionRow = {
  id: number;
  version: number;
  comment: string;
  createdAt: Date;
  modifiedBy: { name: string; email: string } | null;
  modifiedAs: string;
};

/** One recipe of the account with its **Versions**, newest first, each with **Modified by** (rule C8). */
export async function getRecipe(ctx: RequestContext, recipeId: number) {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) => {
    const [recipe] = await tx
      .select({ id: recipes.id, name: recipes.name, status: recipes.status, updatedAt: recipes.updatedAt })
      .from(recipes)
      .where(and(eq(recipes.id, recipeId), eq(recipes.customerId, customerId), eq(recipes.partnerId, ctx.partnerId)));
    if (!recipe) throw notFound("Recipe");
    const versions = await tx
      .select({
        id: recipeVersions.id,
        version: recipeVersions.version,
        comment: recipeVersions.comment,
        createdAt: recipeVersions.createdAt,
        name: users.name,
        email: users.email,
        modifiedAs: recipeVersions.modifiedAs,
      })
      .from(recipeVersions)
      .leftJoin(users, eq(users.id, recipeVersions.modifiedById))
      .where(and(eq(recipeVersions.recipeId, recipe.id), eq(recipeVersions.partnerId, ctx.partnerId)))
      .orderBy(desc(recipeVersions.version));
    return {
      ...recipe,
      versions: versions.map<RecipeVersionRow>((v) => ({
        id: v.id,
        version: v.version,
        comment: v.comment,
        createdAt: v.createdAt,
        modifiedBy: v.name === null || v.email === null ? null : { name: v.name, email: v.email },
        modifiedAs: v.modifiedAs,
      })),
    };
  });
}

/** Starts or stops a recipe (a real write, audited), for roles that may run recipes. */
export async function setRecipeStatus(ctx: RequestContext, input: z.output<typeof recipeStatusSchema>): Promise<void> {
  await authorize(ctx, "workspace.recipes.run");
  await inWorkspace(ctx, "recipes.run", async (tx, access, customerId) => {
    const [recipe] = await tx
      .select({ id: recipes.id, name: recipes.name, status: recipes.status })
      .from(recipes)
      .where(and(eq(recipes.id, input.recipeId), eq(recipes.customerId, customerId), eq(recipes.partnerId, ctx.partnerId)))
      .for("update");
    if (!recipe) throw notFound("Recipe");
    if (recipe.status === input.status) return;
    await tx.update(recipes).set({ status: input.status, updatedAt: ctx.now }).where(eq(recipes.id, recipe.id));
    await recordAudit(
      tx,
      ctx,
      {
        action: input.status === "running" ? "recipe.start" : "recipe.stop",
        targetType: "recipe",
        targetId: recipe.id,
        changes: { recipe: recipe.name, status: { from: recipe.status, to: input.status } },
      },
      access.actingAs,
    );
  });
}

/**
 * **Save new version**: the next version of the recipe, made by the person in the capacity it acts in (customer
 * manager, collaborator, partner admin), so that Versions can say who modified it (rule C8). The work stays when
 * the person later loses access (rule C10).
 */
export async function saveRecipeVersion(ctx: RequestContext, input: z.output<typeof saveVersionSchema>): Promise<{ version: number }> {
  await authorize(ctx, "workspace.recipes.edit");
  if (ctx.actor.kind !== "user") throw notFound("Recipe");
  const userId = ctx.actor.userId;
  return inWorkspace(ctx, "recipes.edit", async (tx, access, customerId) => {
    const [recipe] = await tx
      .select({ id: recipes.id, name: recipes.name })
      .from(recipes)
      .where(and(eq(recipes.id, input.recipeId), eq(recipes.customerId, customerId), eq(recipes.partnerId, ctx.partnerId)))
      .for("update");
    if (!recipe) throw notFound("Recipe");
    const [latest] = await tx
      .select({ version: recipeVersions.version, code: recipeVersions.code })
      .from(recipeVersions)
      .where(eq(recipeVersions.recipeId, recipe.id))
      .orderBy(sql`${recipeVersions.version} desc`)
      .limit(1);
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(recipeVersions).values({
      partnerId: ctx.partnerId,
      customerId,
      recipeId: recipe.id,
      version,
      modifiedById: userId,
      modifiedAs: access.actingAs,
      comment: input.comment,
      code: latest?.code ?? {},
      createdAt: ctx.now,
    });
    await tx.update(recipes).set({ updatedAt: ctx.now }).where(eq(recipes.id, recipe.id));
    await recordAudit(
      tx,
      ctx,
      {
        action: "recipe.version_save",
        targetType: "recipe",
        targetId: recipe.id,
        changes: { recipe: recipe.name, version: { from: latest?.version ?? null, to: version }, comment: input.comment },
      },
      access.actingAs,
    );
    return { version };
  });
}
