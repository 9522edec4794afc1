import { apiRoute } from "@/lib/transport/api-route";
import { listMemberProjectGrantsEndpoint } from "@/lib/api/endpoints/member-privileges";

export const GET = apiRoute(listMemberProjectGrantsEndpoint);
