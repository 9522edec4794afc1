import * as React from "react";

import type { WorkspaceMember } from "@/lib/workspace-team/membership";
import { PersonName } from "@/components/people/person-name";
import { Badge } from "@/components/ui/badge";
import { Table, TableActionsCell, TableActionsHead, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/**
 * The members of a customer workspace with their effective role (rules U17, C12): the partner console's
 * Collaborators tab and the workspace's own Teams page. Customer managers carry the tag.
 */
export function CollaboratorsTable({
  members,
  describeSource,
  actions,
}: {
  members: WorkspaceMember[];
  /** Where the member's role comes from (decision D7), in the words of the page's reader. */
  describeSource: (member: WorkspaceMember) => string;
  /** The row's actions, when the page offers any. */
  actions?: (member: WorkspaceMember) => React.ReactNode;
}) {
  return (
    <Table aria-label="Collaborators">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          {actions ? <TableActionsHead /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.userId}>
            <TableCell>
              <PersonName name={member.name} avatarUrl={member.avatarUrl}>
                {member.isCustomerManager ? <Badge variant="outline">Customer manager</Badge> : null}
              </PersonName>
            </TableCell>
            <TableCell className="text-muted-foreground">{member.email}</TableCell>
            <TableCell>
              <div className="font-medium">{member.roleName}</div>
              <div className="text-xs text-muted-foreground">{describeSource(member)}</div>
            </TableCell>
            {actions ? <TableActionsCell>{actions(member)}</TableActionsCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
