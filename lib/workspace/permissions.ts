/**
 * What a workspace role may do, as stored in `roles.permissions`. `collaborators.manage` is what decision D6 calls
 * "Collaborator privileges". Pages ask `permits(ctx, "workspace.…")` (lib/authorization) what to offer; commands
 * `authorize`.
 */
export const WORKSPACE_PERMISSIONS = ["workspace.view", "recipes.edit", "recipes.run", "connections.manage", "collaborators.manage"] as const;

export type WorkspacePermission = (typeof WORKSPACE_PERMISSIONS)[number];
