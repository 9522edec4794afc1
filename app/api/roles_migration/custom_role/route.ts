import { apiRoute } from "@/lib/transport/api-route";
import { migrateCustomRoleAsPrintedEndpoint } from "@/lib/api/endpoints/roles-migration";

/** The path as the seed prints it (decision D5): the workspace comes in the body. */
export const POST = apiRoute(migrateCustomRoleAsPrintedEndpoint);
