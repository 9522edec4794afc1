import { z } from "zod";
import { recordIdNumberOrText } from "@/lib/id-schemas";
import { clipSearchTerm, searchCutNotice } from "@/lib/search/search-term";

/**
 * The audit log's filters as they travel in the URL. Anything malformed falls back to "no filter", so a hand-edited
 * link never fails. Safe to import in client components.
 */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional()).catch(undefined);
const positiveId = recordIdNumberOrText();

export const auditFilterSchema = z.object({
  person: optional(positiveId),
  customer: optional(positiveId),
  action: optional(
    z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)*$/)
      .max(100),
  ),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  // Cut to its maximum, not dropped: the page says so (auditPageNotices) and the export searches the same.
  q: optional(z.string().transform((value) => clipSearchTerm(value) || undefined)),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = auditFilterSchema.extend({
  cursor: optional(z.string().regex(/^[0-9TZ:.+\- ]{10,40}~\d{1,19}$/)),
  dir: z.preprocess(firstValue, z.enum(["older", "newer"])).catch("older"),
});
export type AuditPageInput = z.infer<typeof auditPageSchema>;

/** What the URL asked for that the view brought within bounds (an over-long search), said above the events. */
export function auditPageNotices(searchParams: Record<string, string | string[] | undefined>): string[] {
  const cut = searchCutNotice(firstValue(searchParams.q));
  return cut ? [cut] : [];
}

/** The filters as URL search parameters (no cursor: a new filter starts from the newest event). */
export function filterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["person", "customer", "action", "from", "to", "q"] as const) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
