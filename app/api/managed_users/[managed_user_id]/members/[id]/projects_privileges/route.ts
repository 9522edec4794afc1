import { apiRoute } from "@/lib/api/route";
import { getMemberProjectsPrivilegesEndpoint } from "@/lib/api/endpoints/member-privileges";

export const GET = apiRoute(getMemberProjectsPrivilegesEndpoint);
