import { apiRoute } from "@/lib/transport/api-route";
import { listMembers } from "@/lib/api/endpoints/directory";

export const GET = apiRoute(listMembers);
