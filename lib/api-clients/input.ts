import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";
import { nameField } from "@/lib/names";
import { API_SCOPES, ENVIRONMENT_TYPES } from "./scopes";

/** **Create API client**: validated in the browser and again on the server. */
export const createApiClientSchema = z.object({
  name: nameField({ required: "Enter a name for the client.", max: 100, tooLong: "Keep the name under 100 characters." }),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, "Choose at least one permission.")
    .transform((scopes) => [...new Set(scopes)]),
  environmentTypes: z
    .array(z.enum(ENVIRONMENT_TYPES))
    .min(1, "Choose at least one environment.")
    .transform((types) => [...new Set(types)]),
  /** Project names the client may reach; empty means every project of its environments (rule A10). */
  projectNames: z
    .array(z.string().trim().min(1).max(200))
    .max(100, "List at most 100 projects.")
    .default([])
    .transform((names) => [...new Set(names)]),
  /** Days until the token stops working; null: it does not expire. */
  expiresInDays: z.number().int().min(1, "At least 1 day.").max(3650, "At most 10 years.").nullable().default(null),
});
export type CreateApiClientInput = z.input<typeof createApiClientSchema>;
export type CreateApiClientValues = z.output<typeof createApiClientSchema>;

export const revokeApiClientSchema = z.object({ id: recordIdNumber() });
