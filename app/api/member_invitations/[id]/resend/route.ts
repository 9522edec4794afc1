import { apiRoute } from "@/lib/api/route";
import { resendMemberInvitationEndpoint } from "@/lib/api/endpoints/team";

export const POST = apiRoute(resendMemberInvitationEndpoint);
