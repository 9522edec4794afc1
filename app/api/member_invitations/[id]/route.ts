import { apiRoute } from "@/lib/transport/api-route";
import { revokeMemberInvitationEndpoint } from "@/lib/api/endpoints/team";

export const DELETE = apiRoute(revokeMemberInvitationEndpoint);
