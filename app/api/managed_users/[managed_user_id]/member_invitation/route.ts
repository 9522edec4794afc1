import { apiRoute } from "@/lib/api/route";
import { inviteWorkspaceCollaborator } from "@/lib/api/endpoints/workspace-members";

export const POST = apiRoute(inviteWorkspaceCollaborator);
