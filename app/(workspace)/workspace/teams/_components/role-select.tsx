"use client";

import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** The roles a collaborator can be given in this workspace. */
export function RoleSelect({
  id,
  roles,
  value,
  onChange,
  errorId,
}: {
  id: string;
  roles: WorkspaceRoleOption[];
  value: string;
  onChange: (value: string) => void;
  errorId?: string;
}) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger id={id} aria-invalid={errorId ? true : undefined} aria-describedby={errorId}>
        <SelectValue placeholder="Choose a role" />
      </SelectTrigger>
      <SelectContent>
        {roles.map((role) => (
          <SelectItem key={role.id} value={String(role.id)}>
            {role.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
