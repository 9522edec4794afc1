import { z } from "zod";
import { recordIdNumberOrText, recordIdText } from "@/lib/id-schemas";

/** An ID given as a number or as a string of digits (rule A8). */
export const idSchema = recordIdNumberOrText();

/** An ID in the URL path. */
export const pathIdSchema = recordIdText();

/** A list of IDs, each a number or a string of digits (rule A8). */
export const idListSchema = z.array(idSchema).max(10_000);

export const okResponse = z.object({ result: z.literal("ok") });

export const resultOf = <T extends z.ZodType>(schema: T) => z.object({ result: schema });
export const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ result: z.object({ items: z.array(schema) }) });

export const isoDateTime = z.string().describe("ISO 8601 date-time");

/** `:managed_user_id`: the numeric ID, or `E` + the URL-encoded external ID (decision D4). */
export const managedUserParam = z.string().min(1).max(300).describe("The customer's numeric ID, or E followed by its URL-encoded external ID.");

/** `page[number]` and `page[size]` (at most 100), as the seed 003 list endpoints take them. */
export const pageQuery = {
  "page[number]": z.coerce.number().int().min(1).max(100_000).default(1),
  "page[size]": z.coerce.number().int().min(1).max(100).default(100),
};

/** A page of a seed 003 list: `{"data": […], "total": N, "page": {"number", "size"}}`. */
export const pageOf = <T extends z.ZodType>(schema: T) =>
  z.object({ data: z.array(schema), total: z.number().int(), page: z.object({ number: z.number().int(), size: z.number().int() }) });

export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
