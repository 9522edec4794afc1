import * as React from "react";

import { UserAvatar } from "@/components/ui/avatar";

/** A person in a table: avatar and name, then any tags ("Customer manager"). */
export function PersonName({ name, avatarUrl, children }: { name: string; avatarUrl?: string | null; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2.5">
      <UserAvatar name={name} src={avatarUrl || null} />
      <span className="font-medium">{name}</span>
      {children}
    </div>
  );
}
