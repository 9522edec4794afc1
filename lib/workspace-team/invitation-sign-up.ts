import "server-only";
import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { customerInvitations, customers, roles, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { getDatabase, type Queryable } from "@/lib/db";
import { conflict, DomainError, fieldErrorsOf } from "@/lib/errors";
import { addDirectMember, hashInvitationToken } from "./invitations";
import { environmentRoleIn, giveEnvironmentRoles, type EnvRole, type InvitedRoles } from "./invited-roles";
import { INVALID_INVITATION, invitationSignUpSchema } from "./sign-up-schema";

export interface InvitationView {
  customerName: string;
  email: string;
  name: string;
  /** Someone already has an account with this email: they sign in instead (no sign-up over an account). */
  accountExists: boolean;
}

const TOKEN_SHAPE = /^pcinv_[\w-]{43}$/;

/** A pending invitation with a role whose link has not expired; unknown, used and expired links all give none. */
function usableInvitation(token: string, at: Date) {
  return and(
    eq(customerInvitations.tokenHash, hashInvitationToken(token)),
    isNull(customerInvitations.acceptedAt),
    isNotNull(customerInvitations.roleId),
    gt(customerInvitations.expiresAt, at),
  );
}

async function emailTaken(tx: Queryable, email: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return user !== undefined;
}

/** What the invitation page shows: which workspace, for which email; null for a link that cannot be used. */
export async function findInvitation(token: string): Promise<InvitationView | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = getDatabase();
  const [invitation] = await db
    .select({ customerName: customers.name, email: customerInvitations.email, name: customerInvitations.name })
    .from(customerInvitations)
    .innerJoin(customers, eq(customers.id, customerInvitations.customerId))
    .where(usableInvitation(token, now()));
  if (!invitation) return null;
  return { ...invitation, accountExists: await emailTaken(db, invitation.email) };
}

/**
 * The environment roles of an invitation, as they resolve when the link is used. One removed or renamed since the
 * invitation is not given (the workspace role still is): the person joins rather than being stopped at sign-up.
 */
async function environmentRolesStillGiven(
  tx: Queryable,
  workspace: { partnerId: number; customerId: number },
  envRoles: EnvRole[],
): Promise<InvitedRoles["environmentRoles"]> {
  const given: InvitedRoles["environmentRoles"] = [];
  for (const [index, envRole] of envRoles.entries()) {
    if (envRole.role_type !== "environment") continue;
    try {
      given.push(await environmentRoleIn(tx, workspace, envRole, index));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return given;
}

export function accountExistsMessage(email: string): string {
  return `An account with ${email} already exists. Sign in to join.`;
}

/**
 * Signs a person up with an invitation link (rule U19): in one transaction, creates the account for the invited
 * email and accepts the link's invitation as the direct membership an invitation of an existing account would have
 * made (so it wins over a manager role, rule C12). Only that one: the link goes to whoever invited, not to the
 * owner of the email, so it must not collect other workspaces' invitations for the same address. Those are joined
 * by inviting the account again, which now adds it at once. Returns the email, to sign in with.
 */
export async function signUpWithInvitation(input: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<{ email: string }> {
  const parsed = invitationSignUpSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Some fields need your attention.", fieldErrorsOf(parsed.error));
  const { token, name, password } = parsed.data;
  if (!TOKEN_SHAPE.test(token)) throw new DomainError("NOT_FOUND", INVALID_INVITATION);
  // scrypt is slow on purpose: hash before the transaction opens, so that no lock waits for it.
  const passwordHash = await hashPassword(password);
  const at = now();
  return getDatabase().transaction(async (tx) => {
    // Locked, so that two submissions of one link cannot both use it.
    const [invitation] = await tx
      .select({
        id: customerInvitations.id,
        email: customerInvitations.email,
        partnerId: customerInvitations.partnerId,
        customerId: customerInvitations.customerId,
        customerName: customers.name,
        roleId: roles.id,
        roleName: roles.name,
        envRoles: customerInvitations.envRoles,
      })
      .from(customerInvitations)
      .innerJoin(customers, eq(customers.id, customerInvitations.customerId))
      .innerJoin(roles, eq(roles.id, customerInvitations.roleId))
      .where(usableInvitation(token, at))
      .for("update", { of: customerInvitations });
    if (!invitation) throw new DomainError("NOT_FOUND", INVALID_INVITATION);
    const email = invitation.email.trim().toLowerCase();
    const [user] = await tx.insert(users).values({ name, email, passwordHash, createdAt: at }).onConflictDoNothing().returning({ id: users.id });
    if (!user) throw conflict(accountExistsMessage(email), { email: [accountExistsMessage(email)] });

    const workspace = { partnerId: invitation.partnerId, customerId: invitation.customerId };
    await addDirectMember(tx, at, { ...workspace, userId: user.id, roleId: invitation.roleId });
    await giveEnvironmentRoles(tx, { ...workspace, userId: user.id }, await environmentRolesStillGiven(tx, workspace, invitation.envRoles as EnvRole[]));
    await tx.update(customerInvitations).set({ acceptedAt: at }).where(eq(customerInvitations.id, invitation.id));
    const ctx: RequestContext = {
      partnerId: invitation.partnerId,
      partnerName: "",
      actor: { kind: "user", userId: user.id, name, email, avatarUrl: "", partnerRole: null, sessionIdHash: "" },
      account: { kind: "customer", customerId: invitation.customerId, customerName: invitation.customerName, switchExpiresAt: null },
      now: at,
      ip: meta.ip,
      userAgent: meta.userAgent,
    };
    await recordAudit(tx, ctx, {
      action: "invitation.accept",
      targetType: "invitation",
      targetId: invitation.id,
      changes: { person: `${name} (${email})`, role: { from: null, to: invitation.roleName } },
    });
    return { email };
  });
}
