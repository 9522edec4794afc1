import { BulkJobWatcher } from "@/components/bulk-jobs/bulk-job-watcher";
import { AppShell } from "@/components/shell/app-shell";
import { PageNotice } from "@/components/shell/page-notice";
import { requireConsolePage } from "@/lib/auth/session";
import { justEndedSwitchNotice } from "@/lib/workspace-access/switch-notice";
import { permits } from "@/lib/authorization/authorize";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireConsolePage();
  // A console address opened just as a switch ran out (or lost its access) lands here: say why the person is out.
  const ended = await justEndedSwitchNotice(ctx);
  return (
    <AppShell partnerName={ctx.partnerName} user={{ name: ctx.actor.name, email: ctx.actor.email, avatarUrl: ctx.actor.avatarUrl }}>
      {ended ? (
        <div className="mb-6">
          <PageNotice title={ended.title}>{ended.message}</PageNotice>
        </div>
      ) : null}
      {children}
      {permits(ctx, "bulk_jobs.read") ? <BulkJobWatcher /> : null}
    </AppShell>
  );
}
