import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { bulkJobFileChunks } from "@/db/schema";
import { csvLine } from "@/lib/csv";
import { appNamesSql, EXPORT_HEADER, exportLines, exportRowsSql, type ExportRow } from "@/lib/customers/reads/export";
import { sqlContext } from "@/lib/customers/reads/table";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import { CUSTOMER_GONE, type PreparedAction } from "../runners";

/**
 * Export: each batch appends the CSV lines of its customers (the Customers export's columns, in ID order) to the
 * job's file, in the batch's transaction, so a resumed job never writes a customer twice. The first chunk starts
 * with the header. The file is kept with the job for the admin to download (lib/bulk-jobs/file.ts).
 */
export function exportAction(jobId: number): PreparedAction {
  return {
    label: "Export to CSV",
    async runBatch(tx, ctx, customerIds) {
      const tableCtx = await sqlContext(tx, ctx);
      // Raw SQL: the rows and app names are the Customers export's own SQL (lib/customers/reads/export.ts), one statement a batch.
      const rows = await tx.execute<ExportRow>(
        sql`${exportRowsSql(tableCtx, [sql`c.partner_id = ${ctx.partnerId}`, sql`c.id = any(${intArrayLiteral(customerIds)}::int[])`])} order by c.id`,
      );
      const apps = await tx.execute<{ customer_id: number; names: string }>(
        appNamesSql(
          ctx.partnerId,
          rows.map((row) => row.id),
        ),
      );
      const [last] = await tx
        .select({ position: sql<number | null>`max(${bulkJobFileChunks.position})` })
        .from(bulkJobFileChunks)
        .where(and(eq(bulkJobFileChunks.bulkJobId, jobId), eq(bulkJobFileChunks.partnerId, ctx.partnerId)));
      const position = (last?.position ?? 0) + 1;
      const header = position === 1 ? csvLine(EXPORT_HEADER) : "";
      await tx.insert(bulkJobFileChunks).values({ bulkJobId: jobId, position, partnerId: ctx.partnerId, content: header + exportLines(rows, apps) });
      const present = new Set(rows.map((row) => row.id));
      const errors = customerIds.filter((id) => !present.has(id)).map((customerId) => ({ customerId, reason: CUSTOMER_GONE }));
      return { changed: rows.length, failed: errors.length, errors };
    },
    async finish(tx, ctx) {
      // A selection whose customers were all deleted meanwhile still gives a file: the header alone.
      const [any] = await tx
        .select({ position: bulkJobFileChunks.position })
        .from(bulkJobFileChunks)
        .where(and(eq(bulkJobFileChunks.bulkJobId, jobId), eq(bulkJobFileChunks.partnerId, ctx.partnerId)))
        .limit(1);
      if (!any) await tx.insert(bulkJobFileChunks).values({ bulkJobId: jobId, position: 1, partnerId: ctx.partnerId, content: csvLine(EXPORT_HEADER) });
    },
  };
}
