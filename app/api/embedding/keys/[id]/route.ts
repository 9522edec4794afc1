import { apiRoute } from "@/lib/transport/api-route";
import { retireEmbeddingKeyEndpoint } from "@/lib/api/endpoints/embedding";

export const DELETE = apiRoute(retireEmbeddingKeyEndpoint);
