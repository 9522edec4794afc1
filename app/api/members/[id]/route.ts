import { apiRoute } from "@/lib/transport/api-route";
import { removeMemberEndpoint, updateMemberEndpoint } from "@/lib/api/endpoints/team";

export const PUT = apiRoute(updateMemberEndpoint);
export const DELETE = apiRoute(removeMemberEndpoint);
