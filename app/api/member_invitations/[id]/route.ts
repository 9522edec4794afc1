import { apiRoute } from "@/lib/api/route";
import { revokeMemberInvitationEndpoint } from "@/lib/api/endpoints/team";

export const DELETE = apiRoute(revokeMemberInvitationEndpoint);
