import { ManagedCustomersButton } from "./managed-customers-button";
import { ManagerRowActions } from "./manager-row-actions";
import type { CustomerManagerRow } from "@/lib/customer-managers/list";
import type { RoleOption } from "@/lib/customer-managers/options";
import { PersonName } from "@/components/people/person-name";
import { Badge } from "@/components/ui/badge";
import { Table, TableActionsCell, TableActionsHead, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The Customer managers tab's table (rule C1): person, email, role, and the customers it covers. */
export function ManagersTable({ rows, roles, canManage }: { rows: CustomerManagerRow[]; roles: RoleOption[]; canManage: boolean }) {
  return (
    <Table aria-label="Customer managers">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Customers</TableHead>
          {canManage ? <TableActionsHead /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <PersonName name={row.user.name} avatarUrl={row.user.avatarUrl} />
            </TableCell>
            <TableCell className="text-muted-foreground">{row.user.email}</TableCell>
            <TableCell>
              <Badge variant="secondary">{row.role.name}</Badge>
            </TableCell>
            <TableCell className="max-w-md">
              {row.manageAll ? (
                <Badge variant="outline">All customers</Badge>
              ) : (
                <span className="inline-flex flex-wrap items-center gap-x-1">
                  <span>{row.firstCustomers.map((customer) => customer.name).join(", ")}</span>
                  {row.customerCount > row.firstCustomers.length ? (
                    <ManagedCustomersButton managerId={row.id} managerName={row.user.name} more={row.customerCount - row.firstCustomers.length} />
                  ) : null}
                </span>
              )}
            </TableCell>
            {canManage ? (
              <TableActionsCell>
                <ManagerRowActions
                  manager={{
                    id: row.id,
                    name: row.user.name,
                    email: row.user.email,
                    manageAll: row.manageAll,
                    customerCount: row.customerCount,
                    inAccountNow: row.inAccountNow,
                  }}
                  roles={roles}
                />
              </TableActionsCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
