import { apiRoute } from "@/lib/transport/api-route";
import { addEmbeddingKeyEndpoint } from "@/lib/api/endpoints/embedding";

export const POST = apiRoute(addEmbeddingKeyEndpoint);
