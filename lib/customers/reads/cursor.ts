import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";
import type { SortKey } from "@/lib/customers/query-input";

/**
 * Keyset cursors: the sort value and the ID of a row, base64url-encoded JSON. A cursor that does not decode,
 * or does not fit the sort, is ignored (the view starts from the first page).
 */
export type CursorValue = string | number;
export type Cursor = { value: CursorValue; id: number };

const cursorShapes: Record<SortKey, z.ZodType<CursorValue>> = {
  name: z.string().max(300),
  // PostgreSQL's own text of a timestamptz, kept exactly (microseconds) so that ties are never lost.
  joined: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/),
  tasks: z.number().int(),
  connections: z.number().int(),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

export function decodeCursor(token: string | null, sort: SortKey): Cursor | null {
  if (!token) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as [unknown, unknown];
    const parsedValue = cursorShapes[sort].safeParse(value);
    const parsedId = recordIdNumber().safeParse(id);
    return parsedValue.success && parsedId.success ? { value: parsedValue.data, id: parsedId.data } : null;
  } catch {
    return null;
  }
}
