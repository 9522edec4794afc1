import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";

export const EMPTY_SELECTION = "Select at least one app, or choose Allow all apps: an account that can use no app cannot connect to anything.";

/**
 * App access (rules U23, U24): every app (`allApps`, which also covers apps released later), or only the apps
 * chosen. Choosing none is refused rather than taken as "All apps" or saved as "no apps": it is almost
 * certainly a mistake, and "Allow all apps" is offered explicitly.
 */
export const appAccessInput = z
  .object({
    customerId: recordIdNumber(),
    allApps: z.boolean(),
    appIds: z.array(recordIdNumber()).max(1_000),
  })
  .refine((input) => input.allApps || input.appIds.length > 0, { message: EMPTY_SELECTION, path: ["appIds"] })
  .transform((input) => ({ ...input, appIds: input.allApps ? [] : [...new Set(input.appIds)] }));

export type AppAccessInput = z.output<typeof appAccessInput>;
