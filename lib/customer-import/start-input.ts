import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";

/** Import from CSV › Import: which validated import, and whether to skip the rows in error. Safe in the browser. */
export const startImportInput = z.object({ importId: recordIdNumber(), skipErrors: z.boolean() });
export type StartImportInput = z.output<typeof startImportInput>;
