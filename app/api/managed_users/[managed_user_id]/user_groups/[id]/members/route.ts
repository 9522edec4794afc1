import { apiRoute } from "@/lib/transport/api-route";
import { addUserGroupMembersEndpoint, listUserGroupMembersEndpoint, removeUserGroupMembersEndpoint } from "@/lib/api/endpoints/user-groups";

export const GET = apiRoute(listUserGroupMembersEndpoint);
export const POST = apiRoute(addUserGroupMembersEndpoint);
export const DELETE = apiRoute(removeUserGroupMembersEndpoint);
