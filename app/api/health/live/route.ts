/** Liveness: 200 while the process runs and answers, draining or not; the database is not asked. */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
