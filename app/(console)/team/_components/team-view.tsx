"use client";

import { MailPlus, RotateCw, ShieldCheck, ShieldMinus, UserMinus, Users, XCircle } from "lucide-react";
import { useState } from "react";
import { confirmed } from "@/components/forms/confirmed";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/transport/action";
import type { TeamInvitation, TeamMember } from "@/lib/partner-team/list";
import { PARTNER_ROLE_LABELS } from "@/lib/partner-team/schema";
import { changeTeamRoleAction, removeTeamMemberAction, resendInvitationAction, revokeInvitationAction } from "../actions";
import { InviteDialog } from "./invite-dialog";
import { LocalTime } from "@/components/ui/local-time";

/** The team's actions revalidate /team; a refusal rejects, which keeps a confirmation open. */
function run<T>(action: () => Promise<ActionResult<T>>, success: string) {
  return confirmed(action, () => success);
}

function MemberActions({ member, isYou }: { member: TeamMember; isYou: boolean }) {
  const [confirming, setConfirming] = useState<"role" | "remove" | null>(null);
  const nextRole = member.role === "admin" ? "member" : "admin";
  return (
    <>
      <RowActionsMenu name={member.name}>
        <DropdownMenuItem onSelect={() => setConfirming("role")}>
          {nextRole === "admin" ? <ShieldCheck aria-hidden="true" /> : <ShieldMinus aria-hidden="true" />}
          {nextRole === "admin" ? "Make admin" : "Make member"}
        </DropdownMenuItem>
        <DropdownMenuItem variant="destructive" onSelect={() => setConfirming("remove")}>
          <UserMinus aria-hidden="true" />
          Remove from team
        </DropdownMenuItem>
      </RowActionsMenu>
      <ConfirmDialog
        open={confirming === "role"}
        onOpenChange={(open) => setConfirming(open ? "role" : null)}
        title={nextRole === "admin" ? `Make ${member.name} an admin?` : `Make ${member.name} a member?`}
        description={
          nextRole === "admin"
            ? "Admins manage customers, customer managers, the team and API clients."
            : `${isYou ? "You" : member.name} will no longer be able to manage customers, the team or API clients.`
        }
        confirmLabel={nextRole === "admin" ? "Make admin" : "Make member"}
        onConfirm={() =>
          run(
            () => changeTeamRoleAction({ userId: member.userId, role: nextRole }),
            `${member.name} is now ${PARTNER_ROLE_LABELS[nextRole] === "Admin" ? "an admin" : "a member"}.`,
          )
        }
      />
      <ConfirmDialog
        open={confirming === "remove"}
        onOpenChange={(open) => setConfirming(open ? "remove" : null)}
        title={`Remove ${member.name} from the team?`}
        description={`${isYou ? "You are" : `${member.name} is`} signed out at once, everywhere${member.customerManager ? ", and loses the customer manager role in every customer account" : ""}. The audit log and the work done stay.`}
        confirmLabel="Remove from team"
        destructive
        onConfirm={() => run(() => removeTeamMemberAction({ userId: member.userId }), `${member.name} was removed from the team.`)}
      />
    </>
  );
}

function InvitationActions({ invitation }: { invitation: TeamInvitation }) {
  const [revoking, setRevoking] = useState(false);
  const [resending, setResending] = useState(false);
  async function resend() {
    setResending(true);
    try {
      await run(() => resendInvitationAction({ id: invitation.id }), `Invitation sent again to ${invitation.email}.`);
    } catch {
      // The toast said why.
    } finally {
      setResending(false);
    }
  }
  return (
    <div className="flex justify-end gap-2">
      <Button variant="outline" size="sm" onClick={resend} pending={resending} aria-label={`Resend invitation to ${invitation.email}`}>
        <RotateCw aria-hidden="true" /> Resend
      </Button>
      <ConfirmDialog
        open={revoking}
        onOpenChange={setRevoking}
        trigger={
          <Button variant="outline" size="sm" aria-label={`Revoke invitation to ${invitation.email}`}>
            <XCircle aria-hidden="true" /> Revoke
          </Button>
        }
        title={`Revoke the invitation to ${invitation.email}?`}
        description="Its link stops working at once. You can invite the same email again later."
        confirmLabel="Revoke invitation"
        destructive
        onConfirm={() => run(() => revokeInvitationAction({ id: invitation.id }), `The invitation to ${invitation.email} was revoked.`)}
      />
    </div>
  );
}

export function TeamView({
  members,
  invitations,
  canManage,
  currentUserId,
}: {
  members: TeamMember[];
  invitations: TeamInvitation[];
  canManage: boolean;
  currentUserId: number | null;
}) {
  const [inviting, setInviting] = useState(false);
  const invite = canManage ? (
    <Button onClick={() => setInviting(true)}>
      <MailPlus aria-hidden="true" /> Invite team member
    </Button>
  ) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
          <p className="text-sm text-muted-foreground">
            The people of your own team. Any of them can be made a customer manager on the Customer managers page.
            {canManage ? null : " Only partner admins can invite, change roles or remove people."}
          </p>
        </div>
        {invite}
      </div>

      <section aria-labelledby="team-members-heading" className="space-y-2">
        <h2 id="team-members-heading" className="text-lg font-medium">
          Members ({members.length})
        </h2>
        {members.length === 0 ? (
          <EmptyState icon={Users} title="No team members" description="Invite the people who manage your customers." action={invite} />
        ) : (
          <Table aria-label="Team members">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Last sign-in</TableHead>
                <TableHead>Customer manager</TableHead>
                {canManage ? (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((member) => (
                <TableRow key={member.userId}>
                  <TableCell className="font-medium">
                    {member.name}
                    {member.userId === currentUserId ? (
                      <Badge variant="outline" className="ml-2">
                        You
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{member.email}</TableCell>
                  <TableCell>
                    <Badge variant={member.role === "admin" ? "secondary" : "outline"}>{PARTNER_ROLE_LABELS[member.role]}</Badge>
                  </TableCell>
                  <TableCell className="text-sm">{member.lastSignInAt ? <LocalTime value={member.lastSignInAt} /> : "Never"}</TableCell>
                  <TableCell className="text-sm">{member.customerManager ? "Yes" : "No"}</TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <MemberActions member={member} isYou={member.userId === currentUserId} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="team-invitations-heading" className="space-y-2">
        <h2 id="team-invitations-heading" className="text-lg font-medium">
          Pending invitations ({invitations.length})
        </h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invitations are waiting for an answer.</p>
        ) : (
          <Table aria-label="Pending invitations">
            <TableHeader>
              <TableRow>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Invited by</TableHead>
                <TableHead>Sent</TableHead>
                <TableHead>Link</TableHead>
                {canManage ? (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableCell className="font-medium">{invitation.email}</TableCell>
                  <TableCell>{PARTNER_ROLE_LABELS[invitation.role]}</TableCell>
                  <TableCell className="text-sm">{invitation.invitedBy ?? "An API client"}</TableCell>
                  <TableCell className="text-sm">
                    <LocalTime value={invitation.sentAt} />
                  </TableCell>
                  <TableCell className="text-sm">
                    {invitation.expired ? (
                      <Badge variant="destructive">Expired</Badge>
                    ) : (
                      <>
                        Expires <LocalTime value={invitation.expiresAt} />
                      </>
                    )}
                  </TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <InvitationActions invitation={invitation} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <InviteDialog open={inviting} onOpenChange={setInviting} />
    </div>
  );
}
