import { ChevronDown } from "lucide-react";

import { Button } from "@/components/ui/button";
import { UserAvatar } from "@/components/ui/avatar";

// The menu's button in a file of its own: the closed menu (user-menu.tsx) and the dropdown it loads on first use both
// draw it, and neither may import the other back.

export type ShellUser = {
  name: string;
  email: string;
  avatarUrl?: string | null;
};

/**
 * The menu's button, named after the person: the same before the menu's code has loaded and after. The name is its
 * text (read on narrow screens too, where only the avatar shows), so that what is seen and what is announced agree.
 */
export function UserMenuButton({ user, ...props }: { user: ShellUser } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" aria-haspopup="menu" aria-expanded={false} className="h-9 gap-2 px-1.5 sm:pr-2" {...props}>
      <UserAvatar name={user.name} src={user.avatarUrl} size="sm" />
      <span className="sr-only max-w-40 truncate text-sm font-medium sm:not-sr-only">{user.name}</span>
      <ChevronDown aria-hidden="true" className="hidden size-3.5 text-muted-foreground sm:block" />
    </Button>
  );
}
