import type { ApiScope } from "@/lib/api-clients/scopes";
import type { WorkspacePermission } from "@/lib/workspace/permissions";

/**
 * Who may do what, one row per permission a command can require. Three kinds of caller, three columns:
 * - `partner`: a person in the partner account, by its partner role (`member` lets every team member, `admin` only
 *   partner admins); absent, no one in the partner account may.
 * - `workspace`: a person inside a customer account (its own collaborator, or a partner member who switched in), by
 *   the permissions of its role there (`roles.permissions`); absent, no one inside a customer account may.
 * - `scope`: an API client, by its scopes (a `:write` scope includes its `:read`); absent, no API client may.
 * Safe to import in the browser: pages use `permits` to hide what a caller may not do.
 */
export interface PermissionRule {
  partner?: "member" | "admin";
  workspace?: WorkspacePermission;
  scope?: ApiScope;
}

export const PERMISSIONS = {
  "customers.read": { partner: "member", scope: "customers:read" },
  "customers.write": { partner: "admin", scope: "customers:write" },
  "customer_imports.write": { partner: "admin", scope: "customer_imports:write" },
  "bulk_jobs.read": { partner: "admin", scope: "bulk_jobs:read" },
  "bulk_jobs.write": { partner: "admin", scope: "bulk_jobs:write" },
  "customer_managers.read": { partner: "member", scope: "customer_managers:read" },
  "customer_managers.write": { partner: "admin", scope: "customer_managers:write" },
  "team.read": { partner: "member", scope: "members:read" },
  "team.write": { partner: "admin", scope: "members:write" },
  "roles.read": { partner: "member", scope: "roles:read" },
  "api_clients.read": { partner: "member" },
  "api_clients.write": { partner: "admin" },
  "embedding.read": { partner: "admin", scope: "embedding:read" },
  "embedding.write": { partner: "admin", scope: "embedding:write" },
  "audit.read": { partner: "admin" },
  "email.read": { partner: "admin" },
  "notifications.read": { partner: "member" },
  "notifications.write": { partner: "admin" },
  "workspace.view": { workspace: "workspace.view" },
  "workspace.recipes.edit": { workspace: "recipes.edit" },
  "workspace.recipes.run": { workspace: "recipes.run" },
  "workspace.connections.manage": { workspace: "connections.manage" },
  "workspace.collaborators.manage": { workspace: "collaborators.manage" },
  // A customer's collaborators, roles, groups and grants, named by a managed user reference: the REST API's. A person
  // inside a customer account reaches them through the workspace.* permissions of its own account only.
  "collaborators.read": { scope: "collaborators:read" },
  "collaborators.write": { scope: "collaborators:write" },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];
