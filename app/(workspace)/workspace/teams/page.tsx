import type { Metadata } from "next";

import { InviteButton } from "./_components/invite-button";
import { MemberActions } from "./_components/member-actions";
import { requireWorkspacePage } from "@/lib/workspace/context";
import { permits } from "@/lib/authorization/authorize";
import { listTeam, listWorkspaceRoles } from "@/lib/workspace-team/team";
import type { WorkspaceMember } from "@/lib/workspace-team/membership";
import { CollaboratorsTable } from "@/components/people/collaborators-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Teams" };

/** Where a member's role comes from (decision D7), as the customer's own team reads it. */
function roleSource(member: WorkspaceMember): string {
  if (member.source === "customer_manager") return "From the customer manager assignment";
  if (member.isCustomerManager) return `Direct invitation (instead of the customer manager role ${member.managerRoleName})`;
  return "Direct invitation";
}

export default async function TeamsPage() {
  const ctx = await requireWorkspacePage();
  const canManage = permits(ctx, "workspace.collaborators.manage");
  const { members, invitations } = await listTeam(ctx);
  const roles = canManage ? await listWorkspaceRoles(ctx) : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Teams</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Everyone who can work in this account. Customer managers come from {ctx.partnerName}&apos;s team: they are tagged, and only the partner can change
            or remove them.
          </p>
        </div>
        {canManage ? <InviteButton roles={roles} /> : null}
      </div>

      <CollaboratorsTable
        members={members}
        describeSource={roleSource}
        actions={
          canManage
            ? (member) =>
                member.source === "direct" ? (
                  <MemberActions
                    member={{
                      userId: member.userId,
                      name: member.name,
                      roleId: member.roleId,
                      isCustomerManager: member.isCustomerManager,
                      managerRoleName: member.managerRoleName,
                    }}
                    roles={roles}
                  />
                ) : (
                  <span className="sr-only">Managed by the partner</span>
                )
            : undefined
        }
      />

      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-lg font-semibold tracking-tight">
            Pending invitations
          </h2>
          <Table aria-label="Pending invitations">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Invited</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableCell className="font-medium">{invitation.name}</TableCell>
                  <TableCell className="text-muted-foreground">{invitation.email}</TableCell>
                  <TableCell>{invitation.roleName ?? "—"}</TableCell>
                  <TableCell className="text-muted-foreground">{formatDate(invitation.invitedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
