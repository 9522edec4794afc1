import { apiRoute } from "@/lib/transport/api-route";
import { migrateCustomRoleEndpoint } from "@/lib/api/endpoints/roles-migration";

export const POST = apiRoute(migrateCustomRoleEndpoint);
