import "server-only";
import { z } from "zod";
import type { RequestContext } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { TOO_LARGE_MESSAGE } from "./limits";
import { columnMappingSchema, type ColumnMapping } from "./mapping";
import { readUpload } from "./read-upload";
import { validateImport } from "./validate-import";
import type { ImportView } from "./view";
import { authorize } from "@/lib/authorization/authorize";

const fileNameSchema = z.string().trim().max(200).catch("customers.csv");

/** The mapping the user chose, sent as JSON in the query; absent, the headers decide. */
export function mappingFromQuery(value: string | null): ColumnMapping | undefined {
  if (value === null || value === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw invalid("The column mapping is not valid JSON.", { mapping: ["The column mapping is not valid JSON."] });
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Invalid column mapping.";
    throw invalid(`Column mapping: ${message}`, { mapping: [message] });
  }
  return parsed.data;
}

/** The upload of Import from CSV (console) and of `POST /api/customer_imports`: the body read within its limit, then validated. */
export async function uploadedImport(ctx: RequestContext, request: Request, params: URLSearchParams): Promise<ImportView> {
  await authorize(ctx, "customer_imports.write");
  const mapping = mappingFromQuery(params.get("mapping"));
  const upload = await readUpload(request);
  if ("tooLarge" in upload) throw invalid(TOO_LARGE_MESSAGE, { file: [TOO_LARGE_MESSAGE] });
  return validateImport(ctx, {
    bytes: upload.bytes,
    fileName: fileNameSchema.parse(params.get("fileName") ?? params.get("file_name") ?? "customers.csv") || "customers.csv",
    mapping,
  });
}
