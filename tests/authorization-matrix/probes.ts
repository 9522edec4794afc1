/**
 * How to call each route of the matrix against customer C: what it targets (`target`: the partner's record IDs as
 * numbers, which the "other partner's IDs" check replaces; strings are kept) and what it sends. The test fails for
 * any enumerated route that has no probe here, so a new route needs its matrix row and its probe.
 */
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { API_SCOPES, ENVIRONMENT_TYPES } from "@/lib/api-clients/scopes";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { callNextAuth } from "./next-auth-call";
import { fresh, unique } from "./targets";
import type { World } from "./world";

export type Target = Record<string, number | string>;
type Targeting = (w: World) => Promise<Target> | Target;

const none: Targeting = () => ({});
const customerC: Targeting = (w) => ({ customerId: w.c.id });
const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

/** A page: its URL parameters. */
export const PAGE_PROBES: Record<string, Targeting> = {
  "/customers/:id": (w) => ({ id: w.c.id }),
  "/customers/:id/activity": (w) => ({ id: w.c.id }),
  "/customers/:id/app-access": (w) => ({ id: w.c.id }),
  "/customers/:id/collaborators": (w) => ({ id: w.c.id }),
  "/customers/:id/settings": (w) => ({ id: w.c.id }),
  "/workspace/recipes/:recipeId": (w) => ({ recipeId: w.recipe.id }),
  "/invitations/:token": async (w) => ({ token: await fresh.invitationToken(w) }),
  "/reset-password/:token": async (w) => ({ token: await fresh.passwordReset(w) }),
  "/team-invitations/:token": async (w) => ({ token: (await fresh.teamInvitation(w)).token }),
};

export interface ActionProbe {
  target: Targeting;
  input: (t: Target, w: World) => unknown;
}

const email = () => `${randomUUID()}@example.test`;

/** A CSV import of one valid row (a new customer of Acme's). */
const IMPORT_CSV = "External ID,Name,Email,Plan\r\nmatrix-1,Matrix Import,ops@matrix.example,Starter\r\n";

/** A server action: its input, keyed `file#export` (file relative to app/). */
export const ACTION_PROBES: Record<string, ActionProbe> = {
  "(auth)/invitations/[token]/actions.ts#signUpWithLink": {
    target: async (w) => ({ token: await fresh.invitationToken(w) }),
    input: (t) => ({ token: t.token, name: "Invited Person", password: "a long enough password" }),
  },
  "(auth)/forgot-password/actions.ts#forgotPassword": { target: none, input: () => ({ email: email() }) },
  "(auth)/reset-password/[token]/actions.ts#setNewPassword": {
    target: async (w) => ({ token: await fresh.passwordReset(w) }),
    input: (t) => ({ token: t.token, password: "a long enough password" }),
  },
  "(auth)/team-invitations/[token]/actions.ts#acceptTeamInvitationLink": {
    target: async (w) => ({ token: (await fresh.teamInvitation(w)).token }),
    input: (t) => ({ token: t.token, name: "Invited Teammate", password: "a long enough password" }),
  },
  "(console)/account-switch/actions.ts#switchToAccount": { target: customerC, input: (t) => ({ customerId: t.customerId, reason: "" }) },
  "(console)/customers/import/actions.ts#startImportAction": {
    target: async (w) => ({ importId: await fresh.customerImport(w) }),
    input: (t) => ({ importId: t.importId, skipErrors: false }),
  },
  "(console)/api-clients/actions.ts#createApiClientAction": {
    target: none,
    input: () => ({ name: unique("Client"), scopes: [...API_SCOPES], environmentTypes: [...ENVIRONMENT_TYPES] }),
  },
  "(console)/api-clients/actions.ts#revokeApiClientAction": { target: async (w) => ({ id: (await fresh.apiClient(w)).id }), input: (t) => ({ id: t.id }) },
  "(console)/embedding/actions.ts#addEmbeddingKeyAction": { target: fresh.embeddingKeyRoom, input: () => ({ publicKey: rsaKeyPair().publicPem }) },
  "(console)/embedding/actions.ts#retireEmbeddingKeyAction": { target: async (w) => ({ id: (await fresh.embeddingKey(w)).id }), input: (t) => ({ id: t.id }) },
  "(console)/customer-managers/actions.ts#assignManager": {
    target: async (w) => ({ userId: (await fresh.teamMember(w)).id, customerId: w.c.id }),
    input: (t) => ({ userId: t.userId, roleId: ADMIN, manageAll: false, customerIds: [t.customerId] }),
  },
  "(console)/customer-managers/actions.ts#editManager": {
    target: async (w) => ({ id: (await fresh.manager(w)).id, customerId: w.c.id }),
    input: (t) => ({ id: t.id, roleId: OPERATOR, manageAll: false, customerIds: [t.customerId] }),
  },
  "(console)/customer-managers/actions.ts#removeManager": { target: async (w) => ({ id: (await fresh.manager(w)).id }), input: (t) => ({ id: t.id }) },
  "(console)/customers/(list)/actions.ts#addCustomerAction": {
    target: (w) => ({ planId: w.acme.plans.starter.id }),
    input: (t) => ({ name: unique("Customer"), notificationEmail: "ops@example.test", planId: t.planId, externalId: "" }),
  },
  "(console)/customers/(list)/bulk-actions.ts#previewBulkSelectionAction": { target: customerC, input: (t) => ({ kind: "ids", ids: [t.customerId] }) },
  // A view (C's name as its search), not IDs: a job started on IDs reports each unknown one by its ID, so another
  // partner's and a missing one differ only in the ID they echo (both are "No customer of yours has this ID").
  "(console)/customers/(list)/bulk-actions.ts#startBulkJobAction": {
    target: (w) => ({ q: w.c.name }),
    input: (t) => ({ action: { type: "end_trial" }, selection: { kind: "view", query: { q: t.q } } }),
  },
  "(console)/jobs/actions.ts#cancelBulkJobAction": { target: async (w) => ({ id: (await fresh.bulkJob(w)).id }), input: (t) => ({ id: t.id }) },
  "(console)/customers/[id]/app-access/actions.ts#updateAppAccessAction": {
    target: customerC,
    input: (t) => ({ customerId: t.customerId, allApps: true, appIds: [] }),
  },
  "(console)/customers/[id]/settings/actions.ts#changePlanAction": {
    target: (w) => ({ customerId: w.c.id, planId: w.acme.plans.growth.id }),
    input: (t) => ({ customerId: t.customerId, planId: t.planId }),
  },
  "(console)/customers/[id]/settings/actions.ts#setTrialAction": { target: customerC, input: (t) => ({ customerId: t.customerId, enabled: false }) },
  "(console)/customers/[id]/settings/actions.ts#updateNotificationEmailAction": {
    target: customerC,
    input: (t) => ({ customerId: t.customerId, notificationEmail: "ops@example.test" }),
  },
  "(console)/customers/[id]/settings/actions.ts#updateExternalIdAction": {
    target: customerC,
    input: (t) => ({ customerId: t.customerId, externalId: unique("EXT").replace(" ", "-") }),
  },
  "(console)/customers/[id]/settings/actions.ts#updateIframeOriginsAction": {
    target: customerC,
    input: (t) => ({ customerId: t.customerId, iframeOrigins: "https://embed.example.test" }),
  },
  "(console)/customers/[id]/settings/actions.ts#setCustomerNotificationAction": {
    target: customerC,
    input: (t) => ({ customerId: t.customerId, kind: "trial_ended", choice: "off" }),
  },
  "(console)/customers/[id]/settings/actions.ts#deleteCustomerAction": {
    target: async (w) => {
      const customer = await fresh.customer(w);
      return { customerId: customer.id, name: customer.name };
    },
    input: (t) => ({ customerId: t.customerId, confirmName: t.name }),
  },
  "(console)/notifications/actions.ts#setNotificationDefaultAction": { target: none, input: () => ({ kind: "trial_ended", enabled: false }) },
  "(console)/team/actions.ts#changeTeamRoleAction": {
    target: async (w) => ({ userId: (await fresh.teamMember(w)).id }),
    input: (t) => ({ userId: t.userId, role: "admin" }),
  },
  "(console)/team/actions.ts#inviteTeamMemberAction": { target: none, input: () => ({ email: email(), role: "member" }) },
  "(console)/team/actions.ts#removeTeamMemberAction": {
    target: async (w) => ({ userId: (await fresh.teamMember(w)).id }),
    input: (t) => ({ userId: t.userId }),
  },
  "(console)/team/actions.ts#resendInvitationAction": { target: async (w) => ({ id: (await fresh.teamInvitation(w)).id }), input: (t) => ({ id: t.id }) },
  "(console)/team/actions.ts#revokeInvitationAction": { target: async (w) => ({ id: (await fresh.teamInvitation(w)).id }), input: (t) => ({ id: t.id }) },
  "(workspace)/workspace/actions.ts#returnToPartner": { target: none, input: () => undefined },
  "(workspace)/workspace/actions.ts#signOutOfEmbeddedSession": { target: none, input: () => undefined },
  "(workspace)/workspace/actions.ts#switchToAnotherAccount": { target: customerC, input: (t) => ({ customerId: t.customerId, reason: "" }) },
  "(workspace)/workspace/admin/settings/actions.ts#saveTeamName": { target: none, input: () => ({ name: unique("Team") }) },
  "(workspace)/workspace/connections/actions.ts#connect": { target: none, input: (_t, w) => ({ appId: w.app.id, name: unique("Connection") }) },
  "(workspace)/workspace/connections/actions.ts#disconnectConnection": {
    target: async (w) => ({ connectionId: (await fresh.connection(w)).id }),
    input: (t) => ({ connectionId: t.connectionId }),
  },
  "(workspace)/workspace/recipes/[recipeId]/actions.ts#changeRecipeStatus": {
    target: (w) => ({ recipeId: w.recipe.id }),
    input: (t) => ({ recipeId: t.recipeId, status: "running" }),
  },
  "(workspace)/workspace/recipes/[recipeId]/actions.ts#saveNewVersion": {
    target: (w) => ({ recipeId: w.recipe.id }),
    input: (t) => ({ recipeId: t.recipeId, comment: "" }),
  },
  "(workspace)/workspace/teams/actions.ts#invite": { target: none, input: () => ({ name: "Invited Person", email: email(), roleId: ADMIN }) },
  "(workspace)/workspace/teams/actions.ts#changeRole": {
    target: async (w) => ({ userId: (await fresh.collaborator(w)).id }),
    input: (t) => ({ userId: t.userId, roleId: ADMIN }),
  },
  "(workspace)/workspace/teams/actions.ts#remove": {
    target: async (w) => ({ userId: (await fresh.collaborator(w)).id }),
    input: (t) => ({ userId: t.userId }),
  },
};

export interface RouteProbe {
  target: Targeting;
  /** URL parameters (each target entry whose name is a segment of the route) and the JSON body. */
  body?: (t: Target, w: World) => unknown;
  /** A body sent as it is (a CSV upload), with its content type. */
  rawBody?: { contentType: string; text: string };
  query?: string;
  /** Instead of the route file's handler, for a handler that needs Next's own request scope. */
  answer?: (t: Target, w: World) => Promise<{ status: number; body: unknown; headers: Headers }>;
}

const managedUser: Targeting = (w) => ({ managed_user_id: w.c.id });
const withId =
  (id: (w: World) => Promise<number> | number): Targeting =>
  async (w) => ({ managed_user_id: w.c.id, id: await id(w) });
const projectGrantsBody = (_t: Target, w: World) => ({
  project_grants: [{ assignment_type: "User", assignment_id: w.ours.operator.id, project_role_id: w.projectRoleIds.builder }],
});

/** A route handler, keyed `METHOD /path`. */
export const ROUTE_PROBES: Record<string, RouteProbe> = {
  // The console's own route handlers (session cookie).
  "GET /audit-log/export": { target: none },
  "GET /jobs/:id/file": { target: async (w) => ({ id: (await fresh.bulkExport(w)).id }) },
  "GET /customers/export": { target: none },
  "POST /customers/import/validate": { target: none, rawBody: { contentType: "text/csv", text: IMPORT_CSV } },
  "GET /customers/import/:importId/errors": { target: async (w) => ({ importId: await fresh.customerImport(w) }) },
  "GET /lookups/accounts": { target: none, query: "q=" },
  "GET /workspace/accounts": { target: none, query: "q=" },
  // Public: the signed token is the authorization, whoever presents it (issue 14).
  "GET /direct_link": {
    target: none,
    answer: async (_t, w) => {
      const { GET } = await import("@/app/direct_link/route");
      const response = await GET(new NextRequest(await fresh.directLink(w)));
      return { status: response.status, body: await response.text(), headers: response.headers };
    },
  },
  "GET /direct_link/signed-out": { target: none },
  "GET /lookups/customer-managers": { target: none, query: "q=" },
  "GET /lookups/customer-managers/:id": { target: (w) => ({ id: w.managerOfCAssignment.id }) },
  "GET /jobs/list": { target: none },
  "GET /jobs/:id/progress": { target: async (w) => ({ id: (await fresh.bulkJob(w)).id }) },
  "GET /lookups/customer-managers/:id/customers": { target: (w) => ({ id: w.managerOfCAssignment.id }) },
  "GET /lookups/customers": { target: none, query: "q=" },
  "GET /lookups/customers/same-name": { target: none, query: "name=Northwind%20Traders" },
  "GET /lookups/people": { target: none, query: "q=" },
  "GET /lookups/team-members": { target: none, query: "q=" },
  // Public, and test-only.
  "GET /api/auth/:nextauth*": { target: () => ({ nextauth: "providers" }), answer: () => callNextAuth("GET", "providers", undefined) },
  "POST /api/auth/:nextauth*": { target: () => ({ nextauth: "_log" }), answer: () => callNextAuth("POST", "_log", { level: "debug", code: "matrix" }) },
  "GET /api/embedding": { target: none },
  "POST /api/embedding/keys": { target: fresh.embeddingKeyRoom, body: () => ({ public_key: rsaKeyPair().publicPem }) },
  "DELETE /api/embedding/keys/:id": { target: async (w) => ({ id: (await fresh.embeddingKey(w)).id }) },
  "GET /api/health": { target: none },
  "GET /api/health/live": { target: none },
  "GET /api/health/ready": { target: none },
  "GET /api/openapi.json": { target: none },
  "GET /api/test/clock": { target: none },
  "POST /api/test/clock": { target: none, body: () => ({ offsetMs: 0 }) },
  "GET /api/test/customers": { target: none },
  "POST /api/test/customers": { target: none, body: () => ({}) },
  // The REST API (bearer token).
  "POST /api/bulk_jobs": { target: customerC, body: (t) => ({ action: { type: "start_trial" }, ids: [t.customerId] }) },
  "GET /api/bulk_jobs/:id": { target: async (w) => ({ id: (await fresh.bulkJob(w)).id }) },
  "POST /api/bulk_jobs/:id/cancel": { target: async (w) => ({ id: (await fresh.bulkJob(w)).id }) },
  "GET /api/customer_managers": { target: none },
  "POST /api/customer_managers": {
    target: async (w) => ({ team_collaborator_id: (await fresh.teamMember(w)).id, customer: w.c.id }),
    body: (t) => ({ team_collaborator_id: t.team_collaborator_id, role_id: ADMIN, permitted_workspace_ids: [t.customer] }),
  },
  "PUT /api/customer_managers/:id": { target: async (w) => ({ id: (await fresh.manager(w)).id }), body: () => ({ role_id: OPERATOR }) },
  "DELETE /api/customer_managers/:id": { target: async (w) => ({ id: (await fresh.manager(w)).id }) },
  "POST /api/customer_imports": { target: none, query: "dry_run=true", rawBody: { contentType: "text/csv", text: IMPORT_CSV } },
  "GET /api/managed_users": { target: none },
  "POST /api/managed_users": { target: none, body: () => ({ name: unique("Customer"), notification_email: "ops@example.test" }) },
  "GET /api/managed_users/:managed_user_id": { target: managedUser },
  "PUT /api/managed_users/:managed_user_id": { target: managedUser, body: () => ({ notification_email: "ops@example.test" }) },
  "DELETE /api/managed_users/:managed_user_id": { target: async (w) => ({ managed_user_id: (await fresh.customer(w)).id }) },
  "GET /api/managed_users/:managed_user_id/:id/project_grants": { target: withId((w) => w.ours.projects.devSync.id) },
  "GET /api/managed_users/:managed_user_id/environment_roles": { target: managedUser },
  "POST /api/managed_users/:managed_user_id/environment_roles": { target: managedUser, body: () => ({ name: unique("Role"), permissions: [] }) },
  "GET /api/managed_users/:managed_user_id/environment_roles/:id": { target: withId(async (w) => (await fresh.role(w, "environment")).id) },
  "PUT /api/managed_users/:managed_user_id/environment_roles/:id": {
    target: withId(async (w) => (await fresh.role(w, "environment")).id),
    body: () => ({ name: unique("Role") }),
  },
  "DELETE /api/managed_users/:managed_user_id/environment_roles/:id": { target: withId(async (w) => (await fresh.role(w, "environment")).id) },
  "POST /api/managed_users/:managed_user_id/member_invitation": {
    target: managedUser,
    body: () => ({ name: "Invited Person", email: email(), role_name: "Admin" }),
  },
  "GET /api/managed_users/:managed_user_id/members": { target: managedUser },
  "POST /api/managed_users/:managed_user_id/members": {
    target: managedUser,
    body: () => ({ name: "Added Person", email: email(), role_name: "Operator" }),
  },
  "GET /api/managed_users/:managed_user_id/members/:id": { target: withId((w) => w.ours.admin.id) },
  "PUT /api/managed_users/:managed_user_id/members/:id": { target: withId((w) => w.ours.operator.id), body: () => ({ role_name: "Operator" }) },
  "DELETE /api/managed_users/:managed_user_id/members/:id": { target: withId(async (w) => (await fresh.collaborator(w)).id) },
  "GET /api/managed_users/:managed_user_id/members/:id/privileges": { target: withId((w) => w.ours.admin.id) },
  "GET /api/managed_users/:managed_user_id/members/:id/project_grants": { target: withId((w) => w.ours.admin.id) },
  "GET /api/managed_users/:managed_user_id/members/:id/projects_privileges": { target: withId((w) => w.ours.admin.id) },
  "GET /api/managed_users/:managed_user_id/project_grants/:id": { target: withId((w) => w.ours.grants.adminGrant.id) },
  "PUT /api/managed_users/:managed_user_id/project_grants/:id": {
    target: withId(async (w) => (await fresh.grant(w)).id),
    body: (_t, w) => ({ project_role_id: w.projectRoleIds.projectAdmin }),
  },
  "DELETE /api/managed_users/:managed_user_id/project_grants/:id": { target: withId(async (w) => (await fresh.grant(w)).id) },
  "GET /api/managed_users/:managed_user_id/project_roles": { target: managedUser },
  "POST /api/managed_users/:managed_user_id/project_roles": { target: managedUser, body: () => ({ name: unique("Role"), permissions: [] }) },
  "GET /api/managed_users/:managed_user_id/project_roles/:id": { target: withId(async (w) => (await fresh.role(w, "project")).id) },
  "PUT /api/managed_users/:managed_user_id/project_roles/:id": {
    target: withId(async (w) => (await fresh.role(w, "project")).id),
    body: () => ({ name: unique("Role") }),
  },
  "DELETE /api/managed_users/:managed_user_id/project_roles/:id": { target: withId(async (w) => (await fresh.role(w, "project")).id) },
  "GET /api/managed_users/:managed_user_id/projects/:id/project_grants": { target: withId((w) => w.ours.projects.devSync.id) },
  "PUT /api/managed_users/:managed_user_id/projects/:id/project_grants": { target: withId((w) => w.ours.projects.devSync.id), body: projectGrantsBody },
  "POST /api/managed_users/:managed_user_id/roles_migration/custom_role": {
    target: async (w) => ({ managed_user_id: w.c.id, role: (await fresh.legacyRole(w)).id }),
    body: (t) => ({ role_id: t.role, dry_run: true }),
  },
  "POST /api/managed_users/:managed_user_id/roles_migration/system_roles": { target: managedUser, body: () => ({ dry_run: true }) },
  "GET /api/managed_users/:managed_user_id/user_groups": { target: managedUser },
  "POST /api/managed_users/:managed_user_id/user_groups": { target: managedUser, body: () => ({ name: unique("Group") }) },
  "GET /api/managed_users/:managed_user_id/user_groups/:id": { target: withId((w) => w.ours.group.id) },
  "PUT /api/managed_users/:managed_user_id/user_groups/:id": {
    target: withId(async (w) => (await fresh.group(w)).id),
    body: () => ({ name: unique("Group") }),
  },
  "DELETE /api/managed_users/:managed_user_id/user_groups/:id": { target: withId(async (w) => (await fresh.group(w)).id) },
  "GET /api/managed_users/:managed_user_id/user_groups/:id/members": { target: withId((w) => w.ours.group.id) },
  "POST /api/managed_users/:managed_user_id/user_groups/:id/members": {
    target: withId(async (w) => (await fresh.group(w)).id),
    body: (_t, w) => ({ user_ids: [w.ours.admin.id] }),
  },
  "DELETE /api/managed_users/:managed_user_id/user_groups/:id/members": {
    target: withId(async (w) => (await fresh.group(w, [w.ours.operator.id])).id),
    body: (_t, w) => ({ user_ids: [w.ours.operator.id] }),
  },
  "GET /api/managed_users/:managed_user_id/user_groups/:id/project_grants": { target: withId((w) => w.ours.group.id) },
  "GET /api/members": { target: none },
  "PUT /api/members/:id": { target: async (w) => ({ id: (await fresh.teamMember(w)).id }), body: () => ({ role: "admin" }) },
  "DELETE /api/members/:id": { target: async (w) => ({ id: (await fresh.teamMember(w)).id }) },
  "GET /api/member_invitations": { target: none },
  "POST /api/member_invitations": { target: none, body: () => ({ email: email(), role: "member" }) },
  "DELETE /api/member_invitations/:id": { target: async (w) => ({ id: (await fresh.teamInvitation(w)).id }) },
  "POST /api/member_invitations/:id/resend": { target: async (w) => ({ id: (await fresh.teamInvitation(w)).id }) },
  "GET /api/roles": { target: none },
  "POST /api/roles_migration/custom_role": {
    target: async (w) => ({ managed_user: w.c.id, role: (await fresh.legacyRole(w)).id }),
    body: (t) => ({ managed_user_id: t.managed_user, role_id: t.role, dry_run: true }),
  },
};
