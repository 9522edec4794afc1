import { apiRoute } from "@/lib/transport/api-route";
import { createUserGroupEndpoint, listUserGroupsEndpoint } from "@/lib/api/endpoints/user-groups";

export const GET = apiRoute(listUserGroupsEndpoint);
export const POST = apiRoute(createUserGroupEndpoint);
