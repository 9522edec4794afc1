"use server";

import { consoleAction } from "@/lib/transport/console-action";
import { startImport } from "@/lib/customer-import/start-import";
import { startImportInput } from "@/lib/customer-import/start-input";

/** Import from CSV › Import: partner admins only; the import runs as a bulk job. */
export const startImportAction = consoleAction(startImportInput, startImport);
