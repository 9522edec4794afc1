import { apiRoute } from "@/lib/transport/api-route";
import { resendMemberInvitationEndpoint } from "@/lib/api/endpoints/team";

export const POST = apiRoute(resendMemberInvitationEndpoint);
