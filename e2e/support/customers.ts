import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_PARTNERS } from "../../db/seed/demo-users";

export interface FixtureJob {
  status: "succeeded" | "failed";
  startedAt: string;
  tasksUsed: number;
}

export interface FixtureCustomer {
  partner?: string;
  plan?: string;
  name?: string;
  externalId?: string | null;
  notificationEmail?: string;
  trialEndsAt?: string | null;
  recipes?: { name: string; status: "running" | "stopped"; jobs?: FixtureJob[] }[];
  /** A row in every table of the workspace. */
  workspace?: boolean;
}

/** A new customer of Acme (by default) for one test, made through the test server's fixture route. */
export async function createTestCustomer(request: APIRequestContext, fixture: FixtureCustomer = {}): Promise<{ id: number; name: string }> {
  const response = await request.post("/api/test/customers", {
    data: { partner: DEMO_PARTNERS.acme.name, name: `E2E Customer ${randomUUID().slice(0, 8)}`, ...fixture },
  });
  expect(response.ok(), `creating a test customer: ${await response.text()}`).toBeTruthy();
  return (await response.json()) as { id: number; name: string };
}

/** The ID of a demo customer, found by its name. */
export async function demoCustomerId(request: APIRequestContext, name: string, partner: string = DEMO_PARTNERS.acme.name): Promise<number> {
  const response = await request.get(`/api/test/customers?${new URLSearchParams({ partner, name })}`);
  expect(response.ok(), `demo customer ${name}`).toBeTruthy();
  return ((await response.json()) as { id: number }).id;
}
