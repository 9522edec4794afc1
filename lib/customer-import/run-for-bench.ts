import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { applyImportBatch, importToStart } from "./apply-batch";

export const IMPORT_BATCH_SIZE = 5_000;

/** Applies a validated import batch after batch, each batch its own transaction, as the bulk job does. */
export async function runImportJob(ctx: RequestContext, importId: number, batch = IMPORT_BATCH_SIZE): Promise<{ changed: number }> {
  await inPartnerScope(ctx, (tx) => importToStart(tx, ctx, importId, false));
  let afterLine = 0;
  let changed = 0;
  for (;;) {
    const result = await inPartnerScope(ctx, (tx) => applyImportBatch(tx, ctx, { importId, afterLine, limit: batch }));
    if (result.lastLine === null) return { changed };
    afterLine = result.lastLine;
    changed += result.changed;
  }
}
