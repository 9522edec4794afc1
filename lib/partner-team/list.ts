import "server-only";
import { sql } from "drizzle-orm";
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
    const members = await tx.execute<{ userId: number; name: string; email: string; role: PartnerRole; lastSignInAt: Date | string | null; customerManager: boolean }>(sql`
      select u.id as "userId", u.name, u.email, m.role,
             (select max(s.created_at) from sessions s where s.partner_id = m.partner_id and s.user_id = m.user_id) as "lastSignInAt",
             exists (select 1 from customer_managers cm where cm.partner_id = m.partner_id and cm.user_id = m.user_id) as "customerManager"
        from partner_members m join users u on u.id = m.user_id
       where m.partner_id = ${ctx.partnerId}
       order by lower(u.name), u.id`);
    const invitations = await tx.execute<{ id: number; email: string; role: PartnerRole; invitedBy: string | null; sentAt: Date | string; expiresAt: Date | string }>(sql`
      select i.id, i.email, i.role, u.name as "invitedBy", i.sent_at as "sentAt", i.expires_at as "expiresAt"
        from partner_invitations i left join users u on u.id = i.invited_by_id
       where i.partner_id = ${ctx.partnerId} and i.accepted_at is null and i.revoked_at is null
       order by i.sent_at desc, i.id desc`);
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
