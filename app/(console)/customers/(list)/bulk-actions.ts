"use server";

import { consoleAction } from "@/lib/transport/console-action";
import { previewBulkSelection, startBulkJob } from "@/lib/bulk-jobs/start";
import { bulkSelectionSchema, startBulkJobInput } from "@/lib/bulk-jobs/types";

/** How many customers a selection is, and what it is in words (every bulk dialog says both). Partner admins only. */
export const previewBulkSelectionAction = consoleAction(bulkSelectionSchema, previewBulkSelection);

/** A bulk action's confirm button: starts the job, which runs in the background (the Jobs page follows it). */
export const startBulkJobAction = consoleAction(startBulkJobInput, startBulkJob);
