import { apiRoute } from "@/lib/transport/api-route";
import { listUserGroupProjectGrantsEndpoint } from "@/lib/api/endpoints/user-groups";

export const GET = apiRoute(listUserGroupProjectGrantsEndpoint);
