import { z } from "zod";
import { bulkSelectionSchema } from "./types";

/** A selection alone, keyed as in a start request, so that its field errors read `selection.query.from` there too. */
export const bulkJobSelectionSchema = z.object({ selection: bulkSelectionSchema });
