import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, bulkJobs, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { POST } from "@/app/api/customer_imports/route";
import { openApiDocument } from "@/lib/api/openapi";
import { apiToken, expectErrorShape } from "@/tests/support/api";
import { createPartner } from "@/tests/support/factories";

function post(token: string, body: BodyInit, query = "") {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body,
    duplex: "half",
  };
  return POST(new Request(`http://localhost/api/customer_imports${query}`, init), { params: Promise.resolve({}) });
}

describe("POST /api/customer_imports", () => {
  it("validates the CSV body and answers counts and the rows in error by line, writing no customer", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin, { scopes: ["customer_imports:write"] });
    const response = await post(token, "external_id,name,email,plan\nx-1,One,one@x.example,Starter\nx-2,Two,nope,Starter\n", "?dry_run=true&file_name=crm.csv");
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: Record<string, unknown> };
    expect(result).toMatchObject({
      total_rows: 2,
      create_rows: 1,
      error_rows: 1,
      errors: [{ line: 3, external_id: "x-2", reason: expect.stringContaining("valid email") }],
    });
    expect(await db.select().from(customers).where(eq(customers.partnerId, partner.id))).toHaveLength(0);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "customer_import.validated")));
    expect(event).toMatchObject({ actingAs: "api_client" });
  });

  it("starts the import as a bulk job when every row is valid, or with skip_errors; not while a row is in error", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin, { scopes: ["customer_imports:write"] });
    const file = "external_id,name,email,plan\nx-1,One,one@x.example,Starter\nx-2,Two,nope,Starter\n";
    const refused = (await (await post(token, file)).json()) as { result: { bulk_job: unknown } };
    expect(refused.result.bulk_job).toBeNull();
    const started = (await (await post(token, file, "?skip_errors=true")).json()) as { result: { bulk_job: Record<string, unknown> } };
    expect(started.result.bulk_job).toMatchObject({ status: "queued", total: 1, description: expect.stringContaining("1 row in error skipped") });
    const [job] = await db.select().from(bulkJobs).where(eq(bulkJobs.partnerId, partner.id));
    expect(job).toMatchObject({ id: started.result.bulk_job.id, failed: 1 });
  });

  it("refuses a client without the customer_imports:write scope, and a file that is not CSV with its line", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const narrow = await apiToken(partner, admin, { scopes: ["customers:write"] });
    expect((await post(narrow, "external_id\nx\n")).status).toBe(403);
    const token = await apiToken(partner, admin, { scopes: ["customer_imports:write"] });
    const response = await post(token, 'external_id,name\nx,"open\n');
    expect(response.status).toBe(400);
    const body = await response.json();
    expectErrorShape(body);
    expect(body.message).toMatch(/^Line 2: a quoted field starts here/);
  });

  it("refuses a 60 MB upload once the limit is passed, without reading the rest", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin, { scopes: ["customer_imports:write"] });
    const chunk = new TextEncoder().encode(`x,${"a".repeat(1024 * 1024 - 3)}\n`);
    let pulled = 0;
    const sixtyMegabytes = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 60) return controller.close();
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const response = await post(token, sixtyMegabytes);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain("larger than 20 MB");
    expect(pulled).toBeLessThan(25);
  });

  it("is in the OpenAPI document with a text/csv body and its own scope", () => {
    const operation = (openApiDocument().paths as Record<string, Record<string, { requestBody: { content: object }; description: string }>>)[
      "/api/customer_imports"
    ]!.post!;
    expect(Object.keys(operation.requestBody.content)).toEqual(["text/csv"]);
    expect(operation.description).toContain("customer_imports:write");
  });
});
