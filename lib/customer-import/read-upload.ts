import "server-only";
import { MAX_IMPORT_BYTES } from "./limits";

export type Upload = { bytes: Uint8Array } | { tooLarge: true };

/**
 * The request's body, up to the import's size limit and never more: a declared Content-Length past the limit is
 * refused before a byte is read, and a body without one (chunked) is read until it passes the limit, then dropped,
 * so a 60 MB upload is never held in memory whole.
 */
export async function readUpload(request: Request, limit = MAX_IMPORT_BYTES): Promise<Upload> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { tooLarge: true };
  }
  if (!request.body) return { bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}
