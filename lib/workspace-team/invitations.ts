import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { customerInvitations, customerMembers, users } from "@/db/schema";
import { recordAudit, type ActingAs } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { conflict, DomainError } from "@/lib/errors";
import { DAY_MS, MINUTE_MS } from "@/lib/time";
import { giveEnvironmentRoles, resolveInvitedRoles, type EnvRole } from "./invited-roles";
import { queueWorkspaceInvitationEmail } from "./invitation-email";
import { authorize } from "@/lib/authorization/authorize";

export type { EnvRole };

export interface InviteInput {
  name: string;
  email: string;
  roleName?: string;
  envRoles?: EnvRole[];
}

/** The same email can be invited to the same workspace once every 20 minutes (documented). */
const REINVITE_MS = 20 * MINUTE_MS;
/** How long an invitation link can be used. */
export const INVITATION_VALID_MS = 14 * DAY_MS;
/** Invitation tokens carry a recognisable prefix so that secret scanners can spot a leaked link. */
const TOKEN_PREFIX = "pcinv_";

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes `userId` a direct member of the workspace with `roleId`; false when it already was one. */
export async function addDirectMember(
  tx: Queryable,
  at: Date,
  member: { partnerId: number; customerId: number; userId: number; roleId: number },
): Promise<boolean> {
  const [added] = await tx
    .insert(customerMembers)
    .values({ ...member, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ id: customerMembers.id });
  return added !== undefined;
}

export interface NewInvitation {
  customer: { id: number; name: string };
  email: string;
  name: string;
  role: { id: number; name: string } | null;
  envRoles?: EnvRole[];
  /** The person already has an account and became a member at once: the invitation is recorded as accepted. */
  joined: boolean;
}

/**
 * Records an invitation to a workspace, at most once every 20 minutes per email, with its audit event. A pending
 * invitation with a role gets a one-time link (`/invitations/<token>`, valid 14 days), emailed to the person in the
 * same transaction and returned here (for partners who deliver their own mail): the token itself is kept as a hash.
 */
export async function recordInvitation(tx: Queryable, ctx: RequestContext, input: NewInvitation, as?: ActingAs): Promise<{ invitationPath: string | null }> {
  const email = input.email.trim().toLowerCase();
  const [recent] = await tx
    .select({ invitedAt: customerInvitations.invitedAt })
    .from(customerInvitations)
    .where(
      and(
        eq(customerInvitations.customerId, input.customer.id),
        sql`lower(${customerInvitations.email}) = ${email}`,
        gt(customerInvitations.invitedAt, new Date(ctx.now.getTime() - REINVITE_MS)),
      ),
    )
    .orderBy(desc(customerInvitations.invitedAt))
    .limit(1);
  if (recent) {
    const wait = Math.ceil((recent.invitedAt.getTime() + REINVITE_MS - ctx.now.getTime()) / 1000);
    const message = `${email} was invited to this workspace less than 20 minutes ago.`;
    throw new DomainError("RATE_LIMITED", message, { email: [message] }, wait);
  }
  // Without a role the invitation cannot become a membership, so it gets no link.
  const token = !input.joined && input.role ? TOKEN_PREFIX + randomBytes(32).toString("base64url") : null;
  const [invitation] = await tx
    .insert(customerInvitations)
    .values({
      partnerId: ctx.partnerId,
      customerId: input.customer.id,
      email,
      name: input.name,
      roleId: input.role?.id ?? null,
      envRoles: input.envRoles ?? [],
      invitedAt: ctx.now,
      acceptedAt: input.joined ? ctx.now : null,
      tokenHash: token ? hashInvitationToken(token) : null,
      expiresAt: token ? new Date(ctx.now.getTime() + INVITATION_VALID_MS) : null,
    })
    .returning({ id: customerInvitations.id });
  await recordAudit(
    tx,
    ctx,
    {
      action: "collaborator.invite",
      targetType: "invitation",
      targetId: invitation!.id,
      customer: input.customer,
      changes: { person: `${input.name} (${email})`, role: { from: null, to: input.role?.name ?? null }, joined: input.joined },
    },
    as,
  );
  const invitationPath = token ? `/invitations/${token}` : null;
  // Seed 003: an email that has no account gets an email invite, sent with this change (the outbox).
  if (invitationPath) await queueWorkspaceInvitationEmail(tx, ctx, { email, name: input.name, customerName: input.customer.name, invitationPath });
  return { invitationPath };
}

/**
 * A person who already has an account, invited: joins at once, with the invitation recorded as accepted and audited
 * as an invitation (`joined: true`), whichever way it arrives (the Teams page or `POST …/member_invitation`, issue
 * 13). Someone already a direct collaborator is a conflict, not a second invitation.
 */
export async function joinAtOnce(
  tx: Queryable,
  ctx: RequestContext,
  invitation: Omit<NewInvitation, "joined" | "role"> & { role: { id: number; name: string } },
  person: { id: number; name: string },
  environmentRoles: Parameters<typeof giveEnvironmentRoles>[2] = [],
  as?: ActingAs,
): Promise<void> {
  const membership = { partnerId: ctx.partnerId, customerId: invitation.customer.id, userId: person.id };
  if (!(await addDirectMember(tx, ctx.now, { ...membership, roleId: invitation.role.id }))) {
    const message = `${person.name} is already a collaborator of this team.`;
    throw conflict(message, { email: [message] });
  }
  await recordInvitation(tx, ctx, { ...invitation, joined: true }, as);
  await giveEnvironmentRoles(tx, membership, environmentRoles);
}

/**
 * Invites a person to a customer workspace. Someone who already has an account becomes a direct member at once;
 * an unknown email gets a pending invitation, which becomes a membership when that person signs up with its link.
 * `env_roles` wins over `role_name`: its development privilege group is the member's workspace role (required, so
 * that every invitation can become a membership) and its environment roles are given on joining.
 */
export async function inviteCollaborator(
  ctx: RequestContext,
  reference: string,
  input: InviteInput,
): Promise<{ invited: "member" | "invitation"; invitationPath: string | null }> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const workspace = { partnerId: ctx.partnerId, customerId: customer.id };
    const { role, environmentRoles } = await resolveInvitedRoles(tx, workspace, input);
    const envRoles = input.envRoles ?? [];
    const [user] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`);
    // Any account joins at once, as on the Teams page: one that has no password yet could not sign up with a link
    // (its email is taken), and sets one with Forgot password.
    const joined = user !== undefined;
    const invitation = { customer: { id: customer.id, name: customer.name }, email: input.email, name: input.name, role, envRoles };
    if (joined) await joinAtOnce(tx, ctx, invitation, user, environmentRoles);
    const { invitationPath } = joined ? { invitationPath: null } : await recordInvitation(tx, ctx, { ...invitation, joined });
    return { invited: joined ? "member" : "invitation", invitationPath };
  });
}
