import type { z } from "zod";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";
import type { CsvFile } from "./csv-file";
import { IMPORT_FIELD_LABELS, type ColumnMapping, type ImportField } from "./mapping";

/** What one valid row writes: every field for a new customer; for a known one, only the cells that are not empty. */
export interface ImportValues {
  name?: string;
  notificationEmail?: string;
  planId?: number;
  inTrial?: boolean;
}

export type ValidatedRow =
  | { line: number; externalId: string; kind: "create" | "update"; values: ImportValues }
  | { line: number; externalId: string | null; kind: "error"; reason: string; cells: string[] };

export interface ImportPlan {
  id: number;
  name: string;
  isFree: boolean;
}

export interface ValidationContext {
  plans: readonly ImportPlan[];
  /** External IDs the partner's customers have now. */
  knownExternalIds: ReadonlySet<string>;
}

/**
 * A cell a spreadsheet would run as a formula when the file is opened again (CSV injection): `=`, `+`, `-`, `@`, or a
 * tab or carriage return in front of one. Such a row is refused, not neutralised: a name that starts with `=` is
 * more likely a mistake than a name, and an apostrophe added silently would end up in the customer's name.
 */
const FORMULA = /^[=+\-@\t\r]/;

const TRIAL_VALUES: Record<string, boolean> = { yes: true, y: true, true: true, "1": true, no: false, n: false, false: false, "0": false };

const shape = addCustomerSchema.shape;

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | null {
  return result.success ? null : (result.error.issues[0]?.message ?? "This value is not valid.");
}

/** The plan a cell names: its exact name, or the one plan whose name matches it letter case aside. */
function planNamed(plans: readonly ImportPlan[], name: string): ImportPlan | null {
  const exact = plans.find((plan) => plan.name === name);
  if (exact) return exact;
  const folded = plans.filter((plan) => plan.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0]! : null;
}

/**
 * Checks every row before anything is written, with the same schema as **+ Add customer**
 * (`addCustomerSchema`, rule U14) and the same plan rule (a new customer gets one of the partner's own plans, never
 * Free). Each row in error gets its line and every reason found, joined.
 */
export function validateRows(file: CsvFile, mapping: ColumnMapping, context: ValidationContext): ValidatedRow[] {
  const seen = new Map<string, number>();
  return file.rows.map(({ line, cells }) => {
    const reasons: string[] = [];
    const cell = (field: ImportField) => {
      const column = mapping[field];
      return column === null ? "" : (cells[column] ?? "");
    };
    for (const field of Object.keys(mapping) as ImportField[]) {
      const value = cell(field);
      if (FORMULA.test(value)) {
        reasons.push(
          `${IMPORT_FIELD_LABELS[field]} starts with "${value[0] === "\t" ? "tab" : value[0] === "\r" ? "carriage return" : value[0]}", which a spreadsheet runs as a formula: refused, remove the character`,
        );
      }
    }

    const externalId = cell("externalId").trim();
    const externalIdIssue =
      externalId === "" ? "External ID is empty: rows are matched to customers by it" : firstIssue(shape.externalId.safeParse(externalId));
    if (externalIdIssue) reasons.push(externalIdIssue);
    else {
      const earlier = seen.get(externalId);
      if (earlier !== undefined) reasons.push(`External ID ${externalId} is also on line ${earlier}: each customer once per file`);
      else seen.set(externalId, line);
    }
    const kind = context.knownExternalIds.has(externalId) ? "update" : "create";

    const values: ImportValues = {};
    const field = <K extends "name" | "notificationEmail">(key: K) => {
      const raw = cell(key);
      if (raw.trim() === "" && kind === "update") return;
      const result = shape[key].safeParse(raw);
      if (result.success) values[key] = result.data;
      else reasons.push(`${IMPORT_FIELD_LABELS[key]}: ${firstIssue(result)}`);
    };
    field("name");
    field("notificationEmail");

    const planName = cell("plan").trim();
    if (planName !== "") {
      const plan = planNamed(context.plans, planName);
      if (!plan)
        reasons.push(
          `Plan "${planName}" does not exist. Your plans: ${context.plans
            .filter((p) => kind === "update" || !p.isFree)
            .map((p) => p.name)
            .join(", ")}`,
        );
      else if (plan.isFree && kind === "create") reasons.push("Plan: a new customer gets one of your plans, not Free");
      else values.planId = plan.id;
    } else if (kind === "create") reasons.push("Plan: choose a plan for a new customer");

    const trial = cell("trial").trim().toLowerCase();
    if (trial !== "") {
      if (Object.hasOwn(TRIAL_VALUES, trial)) values.inTrial = TRIAL_VALUES[trial];
      else reasons.push(`In trial: "${cell("trial")}" is not yes or no`);
    }

    if (reasons.length > 0) return { line, externalId: externalId || null, kind: "error", reason: `${reasons.join(". ")}.`, cells };
    return { line, externalId, kind, values };
  });
}
