import { apiRoute } from "@/lib/transport/api-route";
import { listRoles } from "@/lib/api/endpoints/directory";

export const GET = apiRoute(listRoles);
