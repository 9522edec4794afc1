import { apiRoute } from "@/lib/transport/api-route";
import { inviteWorkspaceCollaborator } from "@/lib/api/endpoints/workspace-members";

export const POST = apiRoute(inviteWorkspaceCollaborator);
