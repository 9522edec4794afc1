import { AppShell } from "@/components/shell/app-shell";
import { requireConsolePage } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireConsolePage();
  return (
    <AppShell partnerName={ctx.partnerName} user={{ name: ctx.actor.name, email: ctx.actor.email, avatarUrl: ctx.actor.avatarUrl }}>
      {children}
    </AppShell>
  );
}
