import { apiRoute } from "@/lib/transport/api-route";
import { getMemberProjectsPrivilegesEndpoint } from "@/lib/api/endpoints/member-privileges";

export const GET = apiRoute(getMemberProjectsPrivilegesEndpoint);
