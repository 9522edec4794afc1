import { plural } from "@/lib/format";
import type { WhoCanEnter } from "@/lib/workspace-team/who-can-enter";
import { Badge } from "@/components/ui/badge";

/**
 * **Who can enter this account** (rules U18, C6): everyone **Switch to this account** lets in, as the customer
 * sees them on its Teams page: the customer managers who cover it, with their role and scope, and its own
 * collaborators with their role. Partner admins are not on it unless they are one of these.
 */
export function WhoCanEnterPanel({ people }: { people: WhoCanEnter }) {
  return (
    <section aria-labelledby="who-can-enter-heading" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
      <div>
        <h2 id="who-can-enter-heading" className="text-lg font-semibold tracking-tight">
          Who can enter this account
        </h2>
        <p className="text-sm text-muted-foreground">
          Only these people can switch into this account, and the customer sees every one of them on its Teams page.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <h3 id="entering-managers" className="text-sm font-medium">
            Customer managers ({people.managers.length})
          </h3>
          {people.managers.length === 0 ? (
            <p className="text-sm text-muted-foreground">No customer manager covers this account.</p>
          ) : (
            <ul aria-labelledby="entering-managers" className="flex flex-col gap-1.5 text-sm">
              {people.managers.map((manager) => (
                <li key={manager.managerId} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium">{manager.name}</span>
                  <Badge variant="secondary">{manager.roleName}</Badge>
                  <span className="text-muted-foreground">
                    {manager.scope === "all" ? "All customers" : `Chosen customers (${plural(manager.scope.chosen, "customer")})`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <h3 id="entering-collaborators" className="text-sm font-medium">
            Collaborators ({people.collaborators.length})
          </h3>
          {people.collaborators.length === 0 ? (
            <p className="text-sm text-muted-foreground">The customer has no collaborators of its own yet.</p>
          ) : (
            <ul aria-labelledby="entering-collaborators" className="flex flex-col gap-1.5 text-sm">
              {people.collaborators.map((person) => (
                <li key={person.userId} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium">{person.name}</span>
                  <Badge variant="secondary">{person.roleName}</Badge>
                  <span className="text-muted-foreground">{person.email}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
