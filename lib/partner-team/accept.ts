import "server-only";
import { eq, sql } from "drizzle-orm";
import { partnerInvitations, partnerMembers, partners, users } from "@/db/schema";
import { hashOneTimeToken, tokenShape } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { PartnerRole, RequestContext } from "@/lib/context";
import { getDatabase, type Queryable } from "@/lib/db";
import { conflict, DomainError, fieldErrorsOf, forbidden, invalid } from "@/lib/errors";
import { acceptTeamInvitationSchema } from "./accept-schema";
import { TEAM_INVITATION_PREFIX } from "./invitation-email";

const SHAPE = tokenShape(TEAM_INVITATION_PREFIX);

export interface TeamInvitationView {
  partnerName: string;
  email: string;
  role: PartnerRole;
  /** Someone already has an account with this email: they sign in and accept, rather than sign up. */
  accountExists: boolean;
}

/** Why a link cannot be used, in words the person can act on. */
function unusable(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | undefined, at: Date): string | null {
  if (!invitation) return "This invitation link is not valid. Check that you copied all of it.";
  if (invitation.acceptedAt) return "This invitation was already accepted. Sign in to the console instead.";
  if (invitation.revokedAt) return "This invitation was revoked. Ask an admin of the team for a new one.";
  if (invitation.expiresAt.getTime() <= at.getTime()) return "This invitation link has expired. Ask an admin of the team to resend it.";
  return null;
}

async function invitationByToken(q: Queryable, token: string, lock: boolean) {
  const query = q
    .select({
      id: partnerInvitations.id,
      partnerId: partnerInvitations.partnerId,
      partnerName: partners.name,
      email: partnerInvitations.email,
      role: partnerInvitations.role,
      acceptedAt: partnerInvitations.acceptedAt,
      revokedAt: partnerInvitations.revokedAt,
      expiresAt: partnerInvitations.expiresAt,
    })
    .from(partnerInvitations)
    .innerJoin(partners, eq(partners.id, partnerInvitations.partnerId))
    .where(eq(partnerInvitations.tokenHash, hashOneTimeToken(token)));
  const [invitation] = SHAPE.test(token) ? await (lock ? query.for("update", { of: partnerInvitations }) : query) : [];
  return invitation;
}

/** What the invitation page shows, or why the link cannot be used. Public: the link is the key. */
export async function findTeamInvitation(token: string): Promise<{ invitation: TeamInvitationView } | { problem: string }> {
  const db = getDatabase();
  const invitation = await invitationByToken(db, token, false);
  const problem = unusable(invitation, now());
  if (problem || !invitation) return { problem: problem! };
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${invitation.email}`);
  return { invitation: { partnerName: invitation.partnerName, email: invitation.email, role: invitation.role, accountExists: account !== undefined } };
}

/**
 * Accepts a team invitation. With a name and a password, a new person signs up for the invited email; without,
 * the signed-in person joins with its account, which must have the invited email. Either way, in one transaction: the
 * invitation is used (locked, so a second use finds it accepted), the person joins with the invited role, audited.
 */
export async function acceptTeamInvitation(
  input: unknown,
  signedIn: { userId: number; email: string } | null,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ email: string; signedUp: boolean }> {
  const parsed = acceptTeamInvitationSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Some fields need your attention.", fieldErrorsOf(parsed.error));
  const { token, name, password } = parsed.data;
  // A name or a password means signing up for the invited email (whoever is signed in: the link is the key); none,
  // accepting with the signed-in account.
  const signingUp = name !== undefined || password !== undefined || signedIn === null;
  if (signingUp && (!name || !password)) {
    throw invalid("Some fields need your attention.", {
      ...(name ? {} : { name: ["Enter your name."] }),
      ...(password ? {} : { password: ["Choose a password."] }),
    });
  }
  const account = signingUp ? null : signedIn;
  // scrypt is slow on purpose: hash before the transaction opens, so that no lock waits for it.
  const passwordHash = signingUp ? await hashPassword(password!) : null;
  const at = now();
  return getDatabase().transaction(async (tx) => {
    const invitation = await invitationByToken(tx, token, true);
    const problem = unusable(invitation, at);
    if (problem || !invitation) throw new DomainError("NOT_FOUND", problem!);
    let person: { id: number; name: string; email: string };
    if (account) {
      if (account.email.toLowerCase() !== invitation.email) {
        throw forbidden(`This invitation is for ${invitation.email}, and you are signed in as ${account.email}. Sign out, then open the link again.`);
      }
      const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, account.userId));
      person = user!;
    } else {
      const [user] = await tx
        .insert(users)
        .values({ name: name!, email: invitation.email, passwordHash, createdAt: at })
        .onConflictDoNothing()
        .returning({ id: users.id, name: users.name, email: users.email });
      if (!user) {
        const message = `An account with ${invitation.email} already exists. Sign in, then open this link again to accept.`;
        throw conflict(message, { email: [message] });
      }
      person = user;
    }
    await tx.execute(sql`select set_config('app.partner_id', ${String(invitation.partnerId)}, true)`);
    const [joined] = await tx
      .insert(partnerMembers)
      .values({ partnerId: invitation.partnerId, userId: person.id, role: invitation.role, createdAt: at })
      .onConflictDoNothing()
      .returning({ id: partnerMembers.id });
    await tx.update(partnerInvitations).set({ acceptedAt: at, acceptedById: person.id }).where(eq(partnerInvitations.id, invitation.id));
    const ctx: RequestContext = {
      partnerId: invitation.partnerId,
      partnerName: invitation.partnerName,
      actor: { kind: "user", userId: person.id, name: person.name, email: person.email, avatarUrl: "", partnerRole: invitation.role, sessionIdHash: "" },
      account: { kind: "partner" },
      now: at,
      ...meta,
    };
    await recordAudit(tx, ctx, {
      action: "team.invitation_accept",
      targetType: "partner_invitation",
      targetId: invitation.id,
      changes: {
        person: `${person.name} (${person.email})`,
        role: { from: null, to: invitation.role },
        alreadyMember: joined === undefined,
        signedUp: signingUp,
      },
    });
    return { email: person.email, signedUp: signingUp };
  });
}
