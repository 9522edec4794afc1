import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, bulkJobs, customers } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { asPartnerMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { applyImportBatch, importToStart } from "./apply-batch";
import { runImportJob } from "./run-for-bench";
import { startImport } from "./start-import";
import { runBulkJobBatch } from "@/lib/bulk-jobs/run";
import { importErrorFile } from "./error-file";
import { validateImport } from "./validate-import";

const encode = (text: string) => new TextEncoder().encode(text);
const upload = (ctx: RequestContext, text: string) => validateImport(ctx, { bytes: encode(text), fileName: "customers.csv" });

/** The import as a bulk job, its batches run here one after another (2 rows each), as the worker runs them. */
async function runImport(ctx: RequestContext, importId: number, options: { skipErrors?: boolean } = {}) {
  const job = await runImportJob(ctx, importId, { ...options, batchSize: 2 });
  return inPartnerScope(ctx, async (tx) => (await tx.select().from(bulkJobs).where(eq(bulkJobs.id, job.id)))[0]!);
}

async function setUp() {
  const db = getDatabase();
  const { partner, plans, admin } = await createPartner(db);
  const ctx = adminContext(partner, admin);
  const partnerCustomers = () => db.select().from(customers).where(eq(customers.partnerId, partner.id)).orderBy(customers.id);
  return { db, partner, plans, admin, ctx, partnerCustomers };
}

describe("CSV import: shapes a real export produces, create and update by external ID", () => {
  it("reads BOM, CRLF, quoted fields and a header in another order; adds new external IDs and updates known ones, each audited as alone", async () => {
    const { db, plans, ctx, partner, partnerCustomers } = await setUp();
    const known = await createCustomer(db, partner.id, plans.starter.id, { name: "Old name", externalId: "crm-2" });
    const file =
      "\uFEFFPlan,Email,External ID,Customer name,Trial\r\n" + 'Growth,ops@acme.example,crm-1,"Acme, Inc.",yes\r\n' + 'growth,,crm-2,"Two\r\nlines",\r\n';
    const view = await upload(ctx, file);
    expect(view).toMatchObject({ totalRows: 2, createRows: 1, updateRows: 1, errorRows: 0, errors: [], mappingProblems: [] });
    expect(view.mapping).toEqual({ externalId: 2, name: 3, notificationEmail: 1, plan: 0, trial: 4 });
    expect(view.preview[1]).toEqual({ line: 3, cells: ["growth", "", "crm-2", "Two\r\nlines", ""] });
    expect(await partnerCustomers()).toHaveLength(1);

    expect(await runImport(ctx, view.id!)).toMatchObject({ status: "succeeded", total: 2, processed: 2, changed: 2, failed: 0 });
    const rows = await partnerCustomers();
    expect(rows).toHaveLength(2);
    const added = rows.find((row) => row.externalId === "crm-1")!;
    expect(added).toMatchObject({ name: "Acme, Inc.", notificationEmail: "ops@acme.example", planId: plans.growth.id });
    expect(added.trialEndsAt!.getTime()).toBeGreaterThan(ctx.now.getTime());
    // The known customer: renamed and re-planned, its email left as it was (the cell was empty).
    expect(rows.find((row) => row.id === known.id)).toMatchObject({ name: "Two\r\nlines", planId: plans.growth.id, notificationEmail: "ops@example.test" });

    const events = await db
      .select({ action: auditEvents.action, customerId: auditEvents.customerId })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), inArray(auditEvents.customerId, [added.id, known.id])));
    expect(
      events
        .filter((event) => event.customerId === added.id)
        .map((event) => event.action)
        .sort(),
    ).toEqual(["customer.created", "customer.trial_started"]);
    expect(
      events
        .filter((event) => event.customerId === known.id)
        .map((event) => event.action)
        .sort(),
    ).toEqual(["customer.plan_changed", "customer.renamed"]);
  });

  it("applied twice from the same cursor, a batch changes nothing the second time (a resumed job adds no customer twice)", async () => {
    const { ctx, partnerCustomers } = await setUp();
    const view = await upload(ctx, "external_id,name,email,plan\nr-1,One,a@b.example,Starter\nr-2,Two,c@d.example,Starter\n");
    await inPartnerScope(ctx, (tx) => applyImportBatch(tx, ctx, { importId: view.id!, afterLine: 0, limit: 10 }));
    // A worker killed after the writes and before the cursor moved would leave them rolled back; had they been
    // committed, the same rows applied again match the customers they added and change nothing.
    const again = await inPartnerScope(ctx, (tx) => applyImportBatch(tx, ctx, { importId: view.id!, afterLine: 0, limit: 10 }));
    expect(again).toMatchObject({ processed: 2, changed: 0, errors: [] });
    expect(await partnerCustomers()).toHaveLength(2);
  });
});

describe("CSV import as a bulk job", () => {
  it("a worker killed mid-batch resumes where the last committed batch stopped: no customer added twice, none skipped; one job event", async () => {
    const { ctx, db, partner, partnerCustomers } = await setUp();
    const lines = Array.from({ length: 5 }, (_, index) => `k-${index},Kill ${index},k${index}@x.example,Starter`);
    const view = await upload(ctx, ["external_id,name,email,plan", ...lines].join("\n"));
    const job = await startImport(ctx, { importId: view.id!, skipErrors: false });
    expect(job).toMatchObject({ status: "queued", total: 5, actionLabel: "Import customers from customers.csv" });
    expect(await runBulkJobBatch(job.id, partner.id, { batchSize: 2 })).toBe("more");
    const killed = runBulkJobBatch(job.id, partner.id, { batchSize: 2, afterBatchWrites: () => Promise.reject(new Error("worker killed")) });
    await expect(killed).rejects.toThrow("worker killed");
    expect(await partnerCustomers()).toHaveLength(2);
    while ((await runBulkJobBatch(job.id, partner.id, { batchSize: 2 })) === "more");
    expect((await partnerCustomers()).map((row) => row.externalId).sort()).toEqual(["k-0", "k-1", "k-2", "k-3", "k-4"]);
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(events.filter((event) => event.action === "customer.created")).toHaveLength(5);
    expect(events.filter((event) => event.action === "bulk_job.started")).toHaveLength(1);
  });
});

describe("CSV import: bad input, each with its line and reason, and nothing written", () => {
  const header = "external_id,name,email,plan\n";

  it("refuses each bad row by line: duplicate external ID, unknown plan, bad email, invisible name, formula cells", async () => {
    const { ctx, partnerCustomers } = await setUp();
    const view = await upload(
      ctx,
      header +
        "ok-1,Fine,fine@x.example,Starter\n" + // line 2
        "dup,First,a@x.example,Starter\n" + // line 3
        "dup,Second,b@x.example,Starter\n" + // line 4
        "p-1,Plan,p@x.example,Platinum\n" + // line 5
        "e-1,Email,not-an-email,Starter\n" + // line 6
        "i-1,\u200B\u200B,i@x.example,Starter\n" + // line 7
        'f-1,"=HYPERLINK(""http://evil.example"",""x"")",f@x.example,Starter\n' + // line 8
        "f-2,+cmd,f2@x.example,Starter\n" + // line 9
        "f-3,@SUM(A1),f3@x.example,Starter\n" + // line 10
        "f-4,-2+3,f4@x.example,Starter\n" + // line 11
        ",No ID,n@x.example,Starter\n" + // line 12
        "free-1,Free,free@x.example,Free\n", // line 13
    );
    expect(view).toMatchObject({ totalRows: 12, createRows: 2, errorRows: 10 });
    const reasons = Object.fromEntries(view.errors.map((error) => [error.line, error.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(reasons[4]).toContain("External ID dup is also on line 3");
    expect(reasons[5]).toContain('Plan "Platinum" does not exist');
    expect(reasons[6]).toContain("Enter a valid email address");
    expect(reasons[7]).toContain("only spaces or invisible characters");
    expect(reasons[8]).toContain('Name starts with "="');
    expect(reasons[9]).toContain('Name starts with "+"');
    expect(reasons[10]).toContain('Name starts with "@"');
    expect(reasons[11]).toContain('Name starts with "-"');
    expect(reasons[12]).toContain("External ID is empty");
    expect(reasons[13]).toContain("not Free");

    // All or nothing by default: the import does not start, and no customer was written.
    await expect(runImport(ctx, view.id!)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("10 rows are in error") });
    expect(await partnerCustomers()).toHaveLength(0);

    // The error file: line, reason and the row as it was, formulas neutralised by the CSV writer.
    const { csv, fileName } = await importErrorFile(ctx, view.id!);
    expect(fileName).toBe("customers-errors.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Line,Reason,external_id,name,email,plan");
    expect(lines).toHaveLength(12);
    expect(lines[5]).toMatch(/^8,.*,f-1,"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)",f@x.example,Starter$/);

    // With the option, the valid rows are imported and the others skipped.
    const job = await runImport(ctx, view.id!, { skipErrors: true });
    expect(job).toMatchObject({ status: "succeeded", total: 2, processed: 2, changed: 2, failed: 10 });
    const jobErrors = job.errors as { line: number }[];
    expect(jobErrors).toHaveLength(10);
    expect(jobErrors[0]).toMatchObject({ line: 4, externalId: "dup", reason: expect.stringMatching(/^Skipped: External ID dup is also on line 3/) });
    expect((await partnerCustomers()).map((row) => row.externalId).sort()).toEqual(["dup", "ok-1"]);
  });

  it("refuses a file that is not CSV, naming the line, and writes nothing", async () => {
    const { ctx, db, partner } = await setUp();
    await expect(upload(ctx, header + "a,b,c@d.example,Starter\nx,y\n")).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/^Line 3: this row has 2 columns/),
      fieldErrors: { file: [expect.stringContaining("Line 3")] },
    });
    await expect(validateImport(ctx, { bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), fileName: "book.xlsx" })).rejects.toMatchObject({
      message: expect.stringContaining("not a CSV file"),
    });
    const latin1 = Uint8Array.from([...encode(header + "a,Z"), 0xfc, ...encode("rich,c@d.example,Starter\n")]);
    await expect(validateImport(ctx, { bytes: latin1, fileName: "latin1.csv" })).rejects.toMatchObject({
      message: expect.stringMatching(/^Line 2: .*not UTF-8/),
    });
    expect(await db.select().from(customers).where(eq(customers.partnerId, partner.id))).toHaveLength(0);
  });

  it("asks for the external ID column when no header names it, and validates nothing", async () => {
    const { ctx } = await setUp();
    const view = await upload(ctx, "Company,Mail\nAcme,a@b.example\n");
    expect(view).toMatchObject({ id: null, mappingProblems: [expect.stringContaining("external ID")] });
    const mapped = await validateImport(ctx, {
      bytes: encode("Company,Mail,Ref\nAcme,a@b.example,r1\n"),
      fileName: "x.csv",
      mapping: { externalId: 2, name: 0, notificationEmail: 1, plan: null, trial: null },
    });
    expect(mapped.errors[0]).toMatchObject({ line: 2, reason: expect.stringContaining("choose a plan") });
  });
});

describe("CSV import: who may", () => {
  it("refuses a partner member, and another partner's import is not found", async () => {
    const { ctx } = await setUp();
    await expect(upload(asPartnerMember(ctx), "external_id\nx\n")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const view = await upload(ctx, "external_id,name,email,plan\nx,X,x@x.example,Starter\n");
    const other = await setUp();
    await expect(importErrorFile(other.ctx, view.id!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inPartnerScope(other.ctx, (tx) => importToStart(tx, other.ctx, view.id!, true))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
