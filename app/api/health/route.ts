import { connection } from "next/server";
import { databaseAnswers, databaseReachable } from "@/lib/db";
import { suspectDatabaseOutage } from "@/lib/db/availability";

export async function GET() {
  await connection();
  const up = await databaseAnswers();
  if (!up) suspectDatabaseOutage(databaseReachable);
  return Response.json(up ? { status: "ok" } : { status: "unavailable", message: "The database is not reachable." }, {
    status: up ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
