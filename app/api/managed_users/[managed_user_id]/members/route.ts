import { apiRoute } from "@/lib/transport/api-route";
import { addWorkspaceCollaborator, listWorkspaceCollaborators } from "@/lib/api/endpoints/workspace-members";

export const GET = apiRoute(listWorkspaceCollaborators);
export const POST = apiRoute(addWorkspaceCollaborator);
