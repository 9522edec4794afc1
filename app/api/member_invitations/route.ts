import { apiRoute } from "@/lib/transport/api-route";
import { createMemberInvitationEndpoint, listMemberInvitationsEndpoint } from "@/lib/api/endpoints/team";

export const GET = apiRoute(listMemberInvitationsEndpoint);
export const POST = apiRoute(createMemberInvitationEndpoint);
