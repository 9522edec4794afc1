import "server-only";
import type { AnyEndpoint } from "./endpoint";
import {
  createCustomerManagerEndpoint,
  deleteCustomerManagerEndpoint,
  listCustomerManagersEndpoint,
  updateCustomerManagerEndpoint,
} from "./endpoints/customer-managers";
import { createCustomerImport } from "./endpoints/customer-imports";
import { bulkJobEndpoints } from "./endpoints/bulk-jobs";
import { listMembers, listRoles } from "./endpoints/directory";
import { embeddingEndpoints } from "./endpoints/embedding";
import {
  addWorkspaceCollaborator,
  getWorkspaceCollaborator,
  inviteWorkspaceCollaborator,
  listWorkspaceCollaborators,
  removeWorkspaceCollaborator,
  updateWorkspaceCollaborator,
} from "./endpoints/workspace-members";
import { environmentRoleEndpoints, projectRoleEndpoints } from "./endpoints/workspace-roles";
import { createManagedUser, deleteManagedUser, getManagedUser, listManagedUsers, updateManagedUser } from "./endpoints/managed-users";
import { memberPrivilegeEndpoints } from "./endpoints/member-privileges";
import { projectGrantEndpoints } from "./endpoints/project-grants";
import { rolesMigrationEndpoints } from "./endpoints/roles-migration";
import { teamEndpoints } from "./endpoints/team";
import { userGroupEndpoints } from "./endpoints/user-groups";

/** Every REST endpoint the app serves: the OpenAPI document and the API reference page are generated from it. */
export const API_ENDPOINTS: readonly AnyEndpoint[] = [
  listManagedUsers,
  getManagedUser,
  createManagedUser,
  updateManagedUser,
  deleteManagedUser,
  createCustomerImport,
  ...bulkJobEndpoints,
  listCustomerManagersEndpoint,
  createCustomerManagerEndpoint,
  updateCustomerManagerEndpoint,
  deleteCustomerManagerEndpoint,
  listRoles,
  listMembers,
  ...teamEndpoints,
  listWorkspaceCollaborators,
  getWorkspaceCollaborator,
  addWorkspaceCollaborator,
  updateWorkspaceCollaborator,
  removeWorkspaceCollaborator,
  inviteWorkspaceCollaborator,
  ...Object.values(environmentRoleEndpoints),
  ...Object.values(projectRoleEndpoints),
  ...memberPrivilegeEndpoints,
  ...userGroupEndpoints,
  ...projectGrantEndpoints,
  ...rolesMigrationEndpoints,
  ...embeddingEndpoints,
];
