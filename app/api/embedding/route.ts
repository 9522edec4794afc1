import { apiRoute } from "@/lib/api/route";
import { getEmbeddingEndpoint } from "@/lib/api/endpoints/embedding";

export const GET = apiRoute(getEmbeddingEndpoint);
