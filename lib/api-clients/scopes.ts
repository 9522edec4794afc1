/**
 * What an API client may do. A `:write` scope includes the matching `:read` one, so that a client allowed to change
 * something may also look at it.
 */
export const API_SCOPES = [
  "customers:read",
  "customers:write",
  "customer_managers:read",
  "customer_managers:write",
  "collaborators:read",
  "collaborators:write",
  "roles:read",
  "members:read",
  "embedding:read",
  "embedding:write",
  "members:write",
  "customer_imports:write",
  "bulk_jobs:read",
  "bulk_jobs:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "customers:read": "Customers: read",
  "customers:write": "Customers: write",
  "customer_managers:read": "Customer managers: read",
  "customer_managers:write": "Customer managers: write",
  "collaborators:read": "Workspace collaborators and roles: read",
  "collaborators:write": "Workspace collaborators and roles: write",
  "roles:read": "Roles: read",
  "members:read": "Partner team: read",
  "embedding:read": "Embedding (signing keys): read",
  "embedding:write": "Embedding (signing keys): write",
  "members:write": "Partner team: invite, change roles, remove",
  "customer_imports:write": "Customers: import from CSV (adds and updates customers)",
  "bulk_jobs:read": "Bulk jobs: read",
  "bulk_jobs:write": "Bulk jobs: start and cancel (changes many customers at once)",
};

export const ENVIRONMENT_TYPES = ["development", "test", "production"] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

export function hasScope(granted: readonly string[], needed: ApiScope): boolean {
  if (granted.includes(needed)) return true;
  return needed.endsWith(":read") && granted.includes(needed.replace(/:read$/, ":write"));
}
