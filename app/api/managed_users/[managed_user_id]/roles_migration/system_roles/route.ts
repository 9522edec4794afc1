import { apiRoute } from "@/lib/transport/api-route";
import { migrateSystemRolesEndpoint } from "@/lib/api/endpoints/roles-migration";

export const POST = apiRoute(migrateSystemRolesEndpoint);
