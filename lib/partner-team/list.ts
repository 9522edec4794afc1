import "server-only";
import { and, asc, desc, eq, exists, isNull, max, sql } from "drizzle-orm";
import { customerManagers, partnerInvitations, partnerMembers, sessions, users } from "@/db/schema";
import { inPartnerScope, type PartnerRole, type RequestContext } from "@/lib/context";
import { authorize } from "@/lib/authorization/authorize";

export interface TeamMember {
  userId: number;
  name: string;
  email: string;
  role: PartnerRole;
  /** The newest session this person opened in the partner (a sign-in), or null: never signed in. */
  lastSignInAt: string | null;
  customerManager: boolean;
}

export interface TeamInvitation {
  id: number;
  email: string;
  role: PartnerRole;
  invitedBy: string | null;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}

/** **Teams**: the partner's members and its pending invitations. Every member may look; admins manage. */
export async function listTeam(ctx: RequestContext): Promise<{ members: TeamMember[]; invitations: TeamInvitation[] }> {
  await authorize(ctx, "team.read");
  return inPartnerScope(ctx, async (tx) => {
    const lastSignInAt = tx
      .select({ at: max(sessions.createdAt) })
      .from(sessions)
      .where(and(eq(sessions.partnerId, partnerMembers.partnerId), eq(sessions.userId, partnerMembers.userId)));
    const isCustomerManager = exists(
      tx
        .select({ one: sql`1` })
        .from(customerManagers)
        .where(and(eq(customerManagers.partnerId, partnerMembers.partnerId), eq(customerManagers.userId, partnerMembers.userId))),
    );
    const members = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: partnerMembers.role,
        lastSignInAt: sql<Date | string | null>`(${lastSignInAt})`,
        customerManager: sql<boolean>`${isCustomerManager}`,
      })
      .from(partnerMembers)
      .innerJoin(users, eq(users.id, partnerMembers.userId))
      .where(eq(partnerMembers.partnerId, ctx.partnerId))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
    const invitations = await tx
      .select({
        id: partnerInvitations.id,
        email: partnerInvitations.email,
        role: partnerInvitations.role,
        invitedBy: users.name,
        sentAt: partnerInvitations.sentAt,
        expiresAt: partnerInvitations.expiresAt,
      })
      .from(partnerInvitations)
      .leftJoin(users, eq(users.id, partnerInvitations.invitedById))
      .where(and(eq(partnerInvitations.partnerId, ctx.partnerId), isNull(partnerInvitations.acceptedAt), isNull(partnerInvitations.revokedAt)))
      .orderBy(desc(partnerInvitations.sentAt), desc(partnerInvitations.id));
    const iso = (value: Date | string) => new Date(value).toISOString();
    return {
      members: members.map((m) => ({ ...m, lastSignInAt: m.lastSignInAt === null ? null : iso(m.lastSignInAt) })),
      invitations: invitations.map((i) => ({
        ...i,
        sentAt: iso(i.sentAt),
        expiresAt: iso(i.expiresAt),
        expired: new Date(i.expiresAt).getTime() <= ctx.now.getTime(),
      })),
    };
  });
}

/** **GET /api/members**: the partner's team, with what an API client needs to name a customer manager. */
export async function listTeamMembers(ctx: RequestContext): Promise<{ userId: number; name: string; email: string; avatarUrl: string; role: PartnerRole }[]> {
  await authorize(ctx, "team.read");
  return inPartnerScope(ctx, (tx) =>
    tx
      .select({ userId: users.id, name: users.name, email: users.email, avatarUrl: users.avatarUrl, role: partnerMembers.role })
      .from(partnerMembers)
      .innerJoin(users, eq(users.id, partnerMembers.userId))
      .where(eq(partnerMembers.partnerId, ctx.partnerId))
      .orderBy(asc(users.name), asc(users.id)),
  );
}
