import { apiRoute } from "@/lib/transport/api-route";
import { getMemberPrivilegesEndpoint } from "@/lib/api/endpoints/member-privileges";

export const GET = apiRoute(getMemberPrivilegesEndpoint);
