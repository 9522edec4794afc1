import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document of the REST API; public, like the original product's documentation. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
