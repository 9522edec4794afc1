import { apiRoute } from "@/lib/transport/api-route";
import { deleteUserGroupEndpoint, getUserGroupEndpoint, updateUserGroupEndpoint } from "@/lib/api/endpoints/user-groups";

export const GET = apiRoute(getUserGroupEndpoint);
export const PUT = apiRoute(updateUserGroupEndpoint);
export const DELETE = apiRoute(deleteUserGroupEndpoint);
