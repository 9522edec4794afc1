"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/transport/console-action";
import { cancelBulkJob } from "@/lib/bulk-jobs/cancel";
import { recordIdNumber } from "@/lib/id-schemas";

/** **Cancel job**: the job stops at its next batch (partner admins only, like every bulk action). */
export const cancelBulkJobAction = consoleAction(z.object({ id: recordIdNumber() }), (ctx, { id }) => cancelBulkJob(ctx, id));
