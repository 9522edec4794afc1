import { connection } from "next/server";
import { databaseIsUp } from "@/lib/health";

export async function GET() {
  await connection();
  const up = await databaseIsUp();
  return Response.json(
    up ? { status: "ok" } : { status: "unavailable", message: "The database is not reachable." },
    { status: up ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
