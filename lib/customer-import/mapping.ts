import { z } from "zod";

/**
 * The customer's fields a CSV column can fill, and how a column is matched to one by its header. Safe to import in
 * the browser: the mapping step lists these fields and the user changes the match.
 */
export const IMPORT_FIELDS = ["externalId", "name", "notificationEmail", "plan", "trial"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: "External ID",
  name: "Name",
  notificationEmail: "Notification email",
  plan: "Plan",
  trial: "In trial",
};

/** Headers (lower case, letters and digits only) that name each field in the exports people bring. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  externalId: ["externalid", "external", "crmid", "customerid", "accountid"],
  name: ["name", "customername", "customer", "companyname", "company", "accountname", "account"],
  notificationEmail: ["notificationemail", "email", "emailaddress", "adminemail", "contactemail"],
  plan: ["plan", "planname", "subscription", "subscriptionplan"],
  trial: ["trial", "intrial", "istrial", "trialing"],
};

/** Column index (from 0) per field; null when no column fills it. */
export type ColumnMapping = Record<ImportField, number | null>;

const columnIndex = z.number().int().min(0).max(10_000).nullable();
export const columnMappingSchema = z
  .object({ externalId: columnIndex, name: columnIndex, notificationEmail: columnIndex, plan: columnIndex, trial: columnIndex })
  .superRefine((mapping, ctx) => {
    const used = new Map<number, ImportField>();
    for (const field of IMPORT_FIELDS) {
      const column = mapping[field];
      if (column === null) continue;
      const other = used.get(column);
      if (other) ctx.addIssue({ code: "custom", path: [field], message: `This column already fills ${IMPORT_FIELD_LABELS[other]}.` });
      used.set(column, field);
    }
  });

const headerKey = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** Each field to the first column whose header names it; a column fills one field at most. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    for (const name of HEADER_NAMES[field]) {
      const column = keys.findIndex((key, index) => key === name && !taken.has(index));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** What the mapping lacks or gets wrong for this header, as messages naming the field; empty when it can run. */
export function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const problems: string[] = [];
  if (mapping.externalId === null) {
    problems.push("Choose the column with the external ID: rows are matched to customers by it (a new one is added, a known one updated).");
  }
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null && column >= columns) problems.push(`${IMPORT_FIELD_LABELS[field]}: the file has no column ${column + 1}.`);
  }
  return problems;
}
