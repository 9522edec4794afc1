import { clockOffset, now, setClockOffset, testClockEnabled } from "@/lib/clock";

/**
 * Test-only: moves the application's clock (trial ends, switch time limits) in a running test server. Answers
 * 404 unless the server was started with ENABLE_TEST_CLOCK=1, which only the browser tests' server sets.
 */
export async function GET() {
  if (!testClockEnabled()) return new Response(null, { status: 404 });
  return Response.json({ now: now().toISOString(), offsetMs: clockOffset() });
}

export async function POST(request: Request) {
  if (!testClockEnabled()) return new Response(null, { status: 404 });
  const body = (await request.json().catch(() => null)) as { offsetMs?: unknown } | null;
  const offsetMs = Number(body?.offsetMs);
  if (!Number.isFinite(offsetMs)) return Response.json({ error: "offsetMs must be a number" }, { status: 400 });
  setClockOffset(offsetMs);
  return Response.json({ now: now().toISOString(), offsetMs });
}
