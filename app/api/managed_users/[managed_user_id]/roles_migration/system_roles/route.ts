import { apiRoute } from "@/lib/api/route";
import { migrateSystemRolesEndpoint } from "@/lib/api/endpoints/roles-migration";

export const POST = apiRoute(migrateSystemRolesEndpoint);
