import { apiRoute } from "@/lib/transport/api-route";
import { environmentRoleEndpoints as endpoints } from "@/lib/api/endpoints/workspace-roles";

export const GET = apiRoute(endpoints.get);
export const PUT = apiRoute(endpoints.update);
export const DELETE = apiRoute(endpoints.delete);
