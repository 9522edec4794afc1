"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { addEmbeddingKey } from "@/lib/embedding/add-key";
import { addEmbeddingKeySchema, retireEmbeddingKeySchema } from "@/lib/embedding/input";
import { retireEmbeddingKey } from "@/lib/embedding/retire-key";

/** **Add key**: partner admins only; refused with the reason when it is not an RSA public key of 2048 bits or more. */
export const addEmbeddingKeyAction = consoleAction(addEmbeddingKeySchema, async (ctx, input) => {
  const added = await addEmbeddingKey(ctx, input);
  revalidatePath("/embedding");
  return added;
});

/** **Retire**: partner admins only; tokens signed with that key stop signing anyone in. */
export const retireEmbeddingKeyAction = consoleAction(retireEmbeddingKeySchema, async (ctx, input) => {
  const retired = await retireEmbeddingKey(ctx, input);
  revalidatePath("/embedding");
  return retired;
});
