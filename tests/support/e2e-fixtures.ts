/**
 * Customers made on demand for the browser tests, through the test-only route `/api/test/customers`, so that each
 * test creates what it changes and the tests do not depend on each other or on their order.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { customers, jobs, partners, plans, recipes } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { createCustomer } from "./factories";
import { fillWorkspace } from "./workspace-fixture";

export const fixtureCustomerInput = z.object({
  partner: z.string(),
  plan: z.string().default("Growth"),
  name: z.string().optional(),
  externalId: z.string().nullable().default(null),
  /** Its own address, so that a test finds its customer's notifications in the mail catcher. */
  notificationEmail: z.email().optional(),
  trialEndsAt: z.iso.datetime().nullable().default(null),
  recipes: z
    .array(
      z.object({
        name: z.string(),
        status: z.enum(["running", "stopped"]),
        jobs: z.array(z.object({ status: z.enum(["succeeded", "failed"]), startedAt: z.iso.datetime(), tasksUsed: z.number().int().min(0) })).default([]),
      }),
    )
    .default([]),
  /** A row in every table of the workspace (members, grants, connections…). */
  workspace: z.boolean().default(false),
});

export async function createFixtureCustomer(input: z.output<typeof fixtureCustomerInput>) {
  return getDatabase().transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, partnerId: plans.partnerId })
      .from(plans)
      .innerJoin(partners, eq(partners.id, plans.partnerId))
      .where(and(eq(partners.name, input.partner), eq(plans.name, input.plan)));
    if (!plan) throw new Error(`No plan ${input.plan} of partner ${input.partner}`);
    const customer = await createCustomer(tx, plan.partnerId, plan.id, {
      ...(input.name ? { name: input.name } : {}),
      externalId: input.externalId,
      ...(input.notificationEmail ? { notificationEmail: input.notificationEmail } : {}),
      trialEndsAt: input.trialEndsAt ? new Date(input.trialEndsAt) : null,
    });
    for (const recipe of input.recipes) {
      const [row] = await tx
        .insert(recipes)
        .values({ partnerId: plan.partnerId, customerId: customer.id, name: recipe.name, status: recipe.status })
        .returning({ id: recipes.id });
      if (recipe.jobs.length === 0) continue;
      await tx.insert(jobs).values(
        recipe.jobs.map((job) => ({
          partnerId: plan.partnerId,
          customerId: customer.id,
          recipeId: row!.id,
          status: job.status,
          tasksUsed: job.tasksUsed,
          startedAt: new Date(job.startedAt),
        })),
      );
    }
    if (input.workspace) await fillWorkspace(tx, plan.partnerId, customer.id);
    return { id: customer.id, name: customer.name };
  });
}

export async function findFixtureCustomer(partner: string, name: string) {
  const [row] = await getDatabase()
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .innerJoin(partners, eq(partners.id, customers.partnerId))
    .where(and(eq(partners.name, partner), eq(customers.name, name)));
  return row ?? null;
}
