import { apiRoute } from "@/lib/api/route";
import { createUserGroupEndpoint, listUserGroupsEndpoint } from "@/lib/api/endpoints/user-groups";

export const GET = apiRoute(listUserGroupsEndpoint);
export const POST = apiRoute(createUserGroupEndpoint);
