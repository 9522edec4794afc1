import { apiRoute } from "@/lib/transport/api-route";
import { getWorkspaceCollaborator, removeWorkspaceCollaborator, updateWorkspaceCollaborator } from "@/lib/api/endpoints/workspace-members";

export const GET = apiRoute(getWorkspaceCollaborator);
export const PUT = apiRoute(updateWorkspaceCollaborator);
export const DELETE = apiRoute(removeWorkspaceCollaborator);
