import { testClockEnabled } from "@/lib/clock";
import { createFixtureCustomer, findFixtureCustomer, fixtureCustomerInput } from "@/tests/support/e2e-fixtures";

/**
 * Test-only, like the test clock, and behind the same switch: answers 404 unless the server was started with
 * ENABLE_TEST_CLOCK=1, which only the browser tests' server sets. POST creates a customer for a browser test;
 * GET finds a demo customer's ID by partner and name.
 */
export async function POST(request: Request) {
  if (!testClockEnabled()) return new Response(null, { status: 404 });
  const parsed = fixtureCustomerInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.message }, { status: 400 });
  return Response.json(await createFixtureCustomer(parsed.data));
}

export async function GET(request: Request) {
  if (!testClockEnabled()) return new Response(null, { status: 404 });
  const params = new URL(request.url).searchParams;
  const found = await findFixtureCustomer(params.get("partner") ?? "", params.get("name") ?? "");
  return found ? Response.json(found) : new Response(null, { status: 404 });
}
