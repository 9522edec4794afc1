import { Users } from "lucide-react";
import { CollaboratorsTable } from "@/components/people/collaborators-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listCollaborators } from "@/lib/workspace-team/collaborators";
import { listWhoCanEnter } from "@/lib/workspace-team/who-can-enter";
import type { WorkspaceMember } from "@/lib/workspace-team/membership";
import { readCustomerPage, type CustomerRouteParams } from "../_lib/customer-page";
import { WhoCanEnterPanel } from "./_components/who-can-enter";

/** Where the effective role comes from (decision D7), said plainly when a member is there both ways (rule C12). */
function roleSource(member: WorkspaceMember): string {
  if (member.source === "customer_manager") return "Customer manager role";
  if (member.isCustomerManager) {
    return `Direct invitation; it takes precedence over the customer manager role (${member.managerRoleName})`;
  }
  return "Direct invitation";
}

/** The Collaborators tab (rule U17): every member of the workspace, customer managers tagged. */
export default async function CustomerCollaboratorsPage({ params }: { params: CustomerRouteParams }) {
  const { data } = await readCustomerPage(params, async (ctx, id) => ({
    members: await listCollaborators(ctx, id),
    people: await listWhoCanEnter(ctx, id),
  }));
  const { members, people } = data;

  return (
    <div className="flex flex-col gap-6">
      <WhoCanEnterPanel people={people} />
      <section aria-labelledby="collaborators-heading" className="flex flex-col gap-4">
        <div>
          <h2 id="collaborators-heading" className="text-lg font-semibold tracking-tight">
            Collaborators
          </h2>
          <p className="text-sm text-muted-foreground">
            The team members of this customer account. Further members are added from inside the customer account.
          </p>
        </div>
        {members.length === 0 ? (
          <EmptyState icon={Users} title="No collaborators yet" description="Nobody has joined this customer account." />
        ) : (
          <CollaboratorsTable members={members} describeSource={roleSource} />
        )}
      </section>
    </div>
  );
}
