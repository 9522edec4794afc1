/**
 * What a workspace role may do, as stored in `roles.permissions`. `collaborators.manage` is what decision D6 calls
 * "Collaborator privileges". Safe to import in the browser (labels and hiding buttons); the server checks them again.
 */
export const WORKSPACE_PERMISSIONS = [
  "workspace.view",
  "recipes.edit",
  "recipes.run",
  "connections.manage",
  "collaborators.manage",
] as const;

export type WorkspacePermission = (typeof WORKSPACE_PERMISSIONS)[number];

export function hasPermission(permissions: readonly string[], permission: WorkspacePermission): boolean {
  return permissions.includes(permission);
}
