import { apiRoute } from "@/lib/transport/api-route";
import { listProjectGrantsEndpoint, putProjectGrantsEndpoint } from "@/lib/api/endpoints/project-grants";

export const GET = apiRoute(listProjectGrantsEndpoint);
export const PUT = apiRoute(putProjectGrantsEndpoint);
