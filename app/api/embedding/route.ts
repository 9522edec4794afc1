import { apiRoute } from "@/lib/transport/api-route";
import { getEmbeddingEndpoint } from "@/lib/api/endpoints/embedding";

export const GET = apiRoute(getEmbeddingEndpoint);
