import { apiRoute } from "@/lib/transport/api-route";
import { projectRoleEndpoints as endpoints } from "@/lib/api/endpoints/workspace-roles";

export const GET = apiRoute(endpoints.list);
export const POST = apiRoute(endpoints.create);
