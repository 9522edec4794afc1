import { apiRoute } from "@/lib/transport/api-route";
import { deleteProjectGrantEndpoint, getProjectGrantEndpoint, updateProjectGrantEndpoint } from "@/lib/api/endpoints/project-grants";

export const GET = apiRoute(getProjectGrantEndpoint);
export const PUT = apiRoute(updateProjectGrantEndpoint);
export const DELETE = apiRoute(deleteProjectGrantEndpoint);
