import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";
import { MAX_PEM_LENGTH } from "./public-key";

/** **Add key**: a PEM public key; what it must be is checked by parsePublicKey, on the server. */
export const addEmbeddingKeySchema = z.object({
  publicKey: z
    .string()
    .max(MAX_PEM_LENGTH, `Paste one PEM public key (at most ${MAX_PEM_LENGTH} characters).`)
    .refine((key) => key.trim() !== "", "Paste the public key (PEM)."),
});
export type AddEmbeddingKeyInput = z.input<typeof addEmbeddingKeySchema>;

export const retireEmbeddingKeySchema = z.object({ id: recordIdNumber() });
