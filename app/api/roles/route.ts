import { apiRoute } from "@/lib/api/route";
import { listRoles } from "@/lib/api/endpoints/directory";

export const GET = apiRoute(listRoles);
