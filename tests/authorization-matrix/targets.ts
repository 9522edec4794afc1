/**
 * Fresh records of customer C for the calls that consume what they act on (a removal, a revocation), so that every
 * column's call finds its own. Made through the shared factories and the domain commands.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { connections, customerMembers, partnerInvitations, partners, passwordResets, projectGrants, roles } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { createApiClient } from "@/lib/api-clients/commands";
import { createApiClientSchema } from "@/lib/api-clients/input";
import { addEmbeddingKey } from "@/lib/embedding/add-key";
import { retireEmbeddingKey } from "@/lib/embedding/retire-key";
import { embeddingSettings } from "@/lib/embedding/settings";
import { clientContextOf } from "@/tests/support/api";
import { directLinkUrl, signLink } from "@/tests/support/direct-links";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { hashOneTimeToken } from "@/lib/auth/one-time-token";
import { inviteTeamMember } from "@/lib/partner-team/invite";
import { addGroupMembers } from "@/lib/user-groups/members";
import { createUserGroup } from "@/lib/user-groups/groups";
import { inviteCollaborator } from "@/lib/workspace-team/invitations";
import { createWorkspaceRole, type RoleFamily } from "@/lib/workspace-team/workspace-roles";
import { validateImport } from "@/lib/customer-import/validate-import";
import { createManager, createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createUser } from "@/tests/support/factories";
import { runBulkJobBatch } from "@/lib/bulk-jobs/run";
import { startBulkJob } from "@/lib/bulk-jobs/start";
import type { World } from "./world";

export const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
const admin = (w: World) => adminContext(w.acme.partner, w.acme.admin);
/** Acme's full API client: a customer's roles, groups and invitations are the REST API's commands. */
const client = (w: World) => clientContextOf(w.tokens.full);
const reference = (w: World) => String(w.c.id);

export const fresh = {
  customer: (w: World) => createCustomer(w.db, w.acme.partner.id, w.acme.plans.starter.id),
  /** A bulk job of Acme's on C, queued. */
  bulkJob: (w: World) => startBulkJob(admin(w), { action: { type: "start_trial" }, selection: { kind: "ids", ids: [w.c.id] } }),
  /** An export of C that has run, with its file. */
  async bulkExport(w: World) {
    const job = await startBulkJob(admin(w), { action: { type: "export" }, selection: { kind: "ids", ids: [w.c.id] } });
    await runBulkJobBatch(job.id, w.acme.partner.id);
    await runBulkJobBatch(job.id, w.acme.partner.id);
    return job;
  },
  /** A validated CSV import of Acme's, one new customer, ready to start. */
  async customerImport(w: World) {
    const bytes = new TextEncoder().encode(`External ID,Name,Email,Plan\n${unique("matrix")},Matrix Import,ops@matrix.example,Starter\n`);
    return (await validateImport(admin(w), { bytes, fileName: "matrix.csv" })).id!;
  },
  teamMember: (w: World) => createTeamMember(w.db, w.acme.partner.id),
  manager: async (w: World) => (await createManager(w.db, w.acme.partner.id, SYSTEM_ROLE_IDS.admin, [w.c.id])).assignment,
  async collaborator(w: World) {
    const user = await createUser(w.db);
    await w.db.insert(customerMembers).values({ partnerId: w.acme.partner.id, customerId: w.c.id, userId: user.id, roleId: SYSTEM_ROLE_IDS.operator });
    return user;
  },
  async apiClient(w: World) {
    const input = createApiClientSchema.parse({ name: unique("Client"), scopes: ["customers:read"], environmentTypes: ["development"] });
    return (await createApiClient(admin(w), input)).client;
  },
  /** Room for one more of Acme's signing keys (at most two are active): retires all but the newest. */
  async embeddingKeyRoom(w: World) {
    const { keys } = await embeddingSettings(admin(w));
    for (const key of keys.slice(0, -1)) await retireEmbeddingKey(admin(w), { id: key.id });
    return {};
  },
  /** A new active signing key of Acme's, and its private key. */
  async embeddingKeyPair(w: World) {
    await fresh.embeddingKeyRoom(w);
    const pair = rsaKeyPair();
    return { key: (await addEmbeddingKey(admin(w), { publicKey: pair.publicPem })).key, privateKey: pair.privateKey };
  },
  embeddingKey: async (w: World) => (await fresh.embeddingKeyPair(w)).key,
  /** A direct link into C for its Operator collaborator, signed with a new key of Acme's. */
  async directLink(w: World) {
    const { privateKey } = await fresh.embeddingKeyPair(w);
    const [vendor] = await w.db.select({ id: partners.embeddedVendorId }).from(partners).where(eq(partners.id, w.acme.partner.id));
    return directLinkUrl(await signLink(privateKey, { sub: `${vendor!.id}:${w.c.id}:${w.collaboratorOperator.id}` }), "/workspace/recipes");
  },
  role: async (w: World, family: RoleFamily) => createWorkspaceRole(await client(w), family, reference(w), { name: unique("Role"), permissions: [] }),
  async group(w: World, members: number[] = []) {
    const group = await createUserGroup(await client(w), reference(w), { name: unique("Group"), description: "" });
    if (members.length > 0) await addGroupMembers(await client(w), reference(w), group.id, members);
    return group;
  },
  async grant(w: World) {
    const user = await fresh.collaborator(w);
    const [grant] = await w.db
      .insert(projectGrants)
      .values({
        partnerId: w.acme.partner.id,
        customerId: w.c.id,
        projectId: w.ours.projects.devSync.id,
        projectRoleId: w.projectRoleIds.builder,
        userId: user.id,
      })
      .returning();
    return grant!;
  },
  async legacyRole(w: World) {
    const [role] = await w.db
      .insert(roles)
      .values({ partnerId: w.acme.partner.id, customerId: w.c.id, name: unique("Runner"), kind: "custom", permissions: ["workspace.view", "recipes.run"] })
      .returning();
    return role!;
  },
  async connection(w: World) {
    const [connection] = await w.db
      .insert(connections)
      .values({ partnerId: w.acme.partner.id, customerId: w.c.id, appId: w.app.id, name: unique("Connection") })
      .returning();
    return connection!;
  },
  /** A pending invitation to C for a new email, and its link's token. */
  async invitationToken(w: World) {
    const email = `${randomUUID()}@invited.example`;
    const { invitationPath } = await inviteCollaborator(await client(w), reference(w), { email, name: "Invited Person", roleName: "Admin" });
    return invitationPath!.split("/").pop()!;
  },
  /** A working "Forgot password?" link of a new person, with its token. */
  async passwordReset(w: World) {
    const user = await createUser(w.db, { passwordHash: "scrypt$1$1$1$x$y" });
    const token = `pcpwr_${randomBytes(32).toString("base64url")}`;
    await w.db.insert(passwordResets).values({ userId: user.id, tokenHash: hashOneTimeToken(token), expiresAt: new Date(Date.now() + 3600_000) });
    return token;
  },
  /** A pending invitation to Acme's team, with a link token the test knows (the real one goes out by email). */
  async teamInvitation(w: World) {
    const { id } = await inviteTeamMember(admin(w), { email: `${randomUUID()}@invited.example`, role: "member" });
    const token = `pctinv_${randomBytes(32).toString("base64url")}`;
    await w.db
      .update(partnerInvitations)
      .set({ tokenHash: hashOneTimeToken(token) })
      .where(eq(partnerInvitations.id, id));
    return { id, token };
  },
};
