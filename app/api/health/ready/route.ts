import { connection } from "next/server";
import { databaseAnswers, databaseReachable } from "@/lib/db";
import { suspectDatabaseOutage } from "@/lib/db/availability";
import { isDraining } from "@/lib/lifecycle/state";

/**
 * Readiness, for the balancer's health checks: 503 while this instance drains (it is shutting down) or cannot reach
 * the database, so that it is taken out of rotation; 200 otherwise.
 */
export async function GET() {
  await connection();
  const headers = { "cache-control": "no-store" };
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers });
  const up = await databaseAnswers();
  if (!up) suspectDatabaseOutage(databaseReachable);
  return Response.json(up ? { status: "ready" } : { status: "unavailable", message: "The database is not reachable." }, { status: up ? 200 : 503, headers });
}
