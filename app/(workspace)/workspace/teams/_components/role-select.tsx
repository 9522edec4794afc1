"use client";

import type { WorkspaceRoleOption } from "@/lib/workspace-team/team";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** The roles a collaborator can be given in this workspace; the value is the role's ID (NaN: none chosen yet). */
export function RoleSelect({
  roles,
  value,
  onChange,
  ...trigger
}: {
  roles: WorkspaceRoleOption[];
  value: number;
  onChange: (value: number) => void;
} & Pick<React.ComponentProps<typeof SelectTrigger>, "id" | "aria-invalid" | "aria-describedby" | "ref" | "onBlur">) {
  return (
    <Select value={Number.isNaN(value) ? "" : String(value)} onValueChange={(chosen) => onChange(Number(chosen))}>
      <SelectTrigger {...trigger}>
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
