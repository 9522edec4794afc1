import type { ColumnMapping } from "@/lib/customer-import/mapping";
import type { ImportView } from "@/lib/customer-import/view";

export type UploadAnswer = { ok: true; view: ImportView } | { ok: false; error: string };

/** Sends the file (and the mapping the person chose) to be validated; the server keeps the rows for the import. */
export async function uploadFile(file: File, mapping: ColumnMapping | null): Promise<UploadAnswer> {
  const query = new URLSearchParams({ fileName: file.name });
  if (mapping) query.set("mapping", JSON.stringify(mapping));
  try {
    const response = await fetch(`/customers/import/validate?${query}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
    const body = (await response.json().catch(() => null)) as (ImportView & { error?: string }) | null;
    if (!response.ok || !body) return { ok: false, error: body?.error ?? "The file could not be checked. Try again." };
    return { ok: true, view: body };
  } catch {
    return { ok: false, error: "The server could not be reached. Nothing was changed; try again." };
  }
}
