import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { listTeam } from "@/lib/partner-team/list";
import { TeamView } from "./_components/team-view";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Team" };

/** **Team**: the partner's own collaborators and pending invitations. Partner admins manage; members see. */
export default async function TeamPage() {
  const ctx = await requireConsolePage();
  const team = await listTeam(ctx);
  return (
    <TeamView
      members={team.members}
      invitations={team.invitations}
      canManage={permits(ctx, "team.write")}
      currentUserId={ctx.actor.kind === "user" ? ctx.actor.userId : null}
    />
  );
}
