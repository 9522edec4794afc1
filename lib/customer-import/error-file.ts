import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { customerImportRows, customerImports } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { csvLine } from "@/lib/csv";
import { authorize } from "@/lib/authorization/authorize";
import { notFound } from "@/lib/errors";

/**
 * The rows in error of an import, as a CSV to fix and upload again: the line in the original file, the reason, then
 * the row's own cells under the file's own header. Written by lib/csv.ts, so a formula cell comes back neutralised.
 */
export async function importErrorFile(ctx: RequestContext, importId: number): Promise<{ fileName: string; csv: string }> {
  await authorize(ctx, "customer_imports.write");
  return inPartnerScope(ctx, async (tx) => {
    const [found] = await tx
      .select({ fileName: customerImports.fileName, header: customerImports.header })
      .from(customerImports)
      .where(and(eq(customerImports.id, importId), eq(customerImports.partnerId, ctx.partnerId)));
    if (!found) throw notFound("Import");
    const rows = await tx
      .select({ line: customerImportRows.line, reason: customerImportRows.reason, cells: customerImportRows.cells })
      .from(customerImportRows)
      .where(and(eq(customerImportRows.importId, importId), eq(customerImportRows.partnerId, ctx.partnerId), eq(customerImportRows.kind, "error")))
      .orderBy(asc(customerImportRows.line));
    const lines = [csvLine(["Line", "Reason", ...found.header]), ...rows.map((row) => csvLine([row.line, row.reason, ...(row.cells ?? [])]))];
    const base = found.fileName.replace(/\.csv$/i, "") || "customers";
    return { fileName: `${base}-errors.csv`, csv: lines.join("") };
  });
}
