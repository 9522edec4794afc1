"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { assignManager, editManager } from "../actions";
import { CustomerChips } from "./customer-chips";
import type { RoleOption } from "@/lib/customer-managers/options";
import { assignManagerSchema, editManagerSchema } from "@/lib/customer-managers/schema";
import type { ActionResult } from "@/lib/transport/action";
import { focusWhenRendered } from "@/components/focus-return";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";

/** The ⋮ button of the manager named `name` in the Customer managers table. */
function managerMenuButton(name: string): HTMLElement | null {
  const rows = document.querySelectorAll<HTMLTableRowElement>('table[aria-label="Customer managers"] tbody tr');
  const row = [...rows].find((candidate) => candidate.cells[0]?.textContent?.includes(name));
  return row?.querySelector<HTMLElement>('button[aria-haspopup="menu"]') ?? null;
}

type TeamMember = { id: number; name: string; email: string };
type CustomerItem = { id: number; name: string; externalId: string | null };
type ManagerDetail = { role: { id: number }; manageAll: boolean; firstCustomers: { id: number; name: string }[] };

/**
 * Assign or edit. `preset` fills the form (a partner admin assigning itself from a customer page, rule U18): the
 * person and customers to assign, or the customers to add to the ones the manager already covers.
 */
export type ManagerDialogMode =
  | { kind: "assign"; preset?: { person: TeamMember; customers: CustomerRef[]; roleId?: number } }
  | { kind: "edit"; managerId: number; person: { name: string; email: string }; preset?: { customers: CustomerRef[] } };

type CustomerRef = { id: number; name: string };

type Errors = Partial<Record<"userId" | "roleId" | "customerIds" | "form", string>>;

const personOption = (member: TeamMember): SearchOption => ({ value: String(member.id), label: member.name, description: member.email });
const customerOption = (customer: CustomerItem): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ?? undefined,
});

function errorsOf(fieldErrors: Record<string, string[] | undefined> | undefined, fallback?: string): Errors {
  const errors: Errors = {};
  for (const key of ["userId", "roleId", "customerIds"] as const) {
    const message = fieldErrors?.[key]?.[0];
    if (message) errors[key] = message;
  }
  if (fallback && Object.keys(errors).length === 0) errors.form = fallback;
  return errors;
}

function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const issue of issues) (byField[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return byField;
}

/**
 * **Assign customer manager** and **Edit customer manager** (rules C3, C9): the team member (assign only), the
 * **Role**, and **Choose customers** or **Manage all customers**. Checked here with the server's own schema, then
 * again on the server.
 */
export function ManagerDialog({
  mode,
  roles,
  open,
  onOpenChange,
}: {
  mode: ManagerDialogMode;
  roles: RoleOption[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [pending, setPending] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <DialogContent className="max-w-xl">
        <ManagerForm mode={mode} roles={roles} pending={pending} setPending={setPending} close={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

/** The dialog's form, mounted each time the dialog opens: empty to assign, loaded from the server to edit. */
function ManagerForm({
  mode,
  roles,
  pending,
  setPending,
  close,
}: {
  mode: ManagerDialogMode;
  roles: RoleOption[];
  pending: boolean;
  setPending: (pending: boolean) => void;
  close: () => void;
}) {
  const router = useRouter();
  const editing = mode.kind === "edit" ? mode.managerId : null;
  const assignPreset = mode.kind === "assign" ? mode.preset : undefined;
  const addedCustomers = mode.preset?.customers;
  const [person, setPerson] = React.useState<SearchOption | null>(assignPreset ? personOption(assignPreset.person) : null);
  const [roleId, setRoleId] = React.useState(assignPreset?.roleId ? String(assignPreset.roleId) : "");
  const [manageAll, setManageAll] = React.useState(false);
  const [customers, setCustomers] = React.useState<Map<number, string>>(
    () => new Map(assignPreset ? assignPreset.customers.map((customer) => [customer.id, customer.name]) : []),
  );
  const [errors, setErrors] = React.useState<Errors>({});
  const [loading, setLoading] = React.useState(editing !== null);

  React.useEffect(() => {
    if (editing === null) return;
    let cancelled = false;
    fetch(`/lookups/customer-managers/${editing}`)
      .then(async (response) => {
        const body = (await response.json()) as ManagerDetail & { error?: string };
        if (!response.ok) throw new Error(body.error ?? "The customer manager could not be loaded.");
        if (cancelled) return;
        setRoleId(String(body.role.id));
        setManageAll(body.manageAll);
        setCustomers(new Map([...body.firstCustomers, ...(addedCustomers ?? [])].map((customer) => [customer.id, customer.name])));
      })
      .catch((error: Error) => !cancelled && setErrors({ form: error.message }))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [editing, addedCustomers]);

  const chosen = React.useMemo(() => new Set([...customers.keys()].map(String)), [customers]);

  function toggleCustomer(option: SearchOption) {
    setCustomers((current) => {
      const next = new Map(current);
      const id = Number(option.value);
      if (next.has(id)) next.delete(id);
      else next.set(id, option.label);
      return next;
    });
    setErrors((current) => ({ ...current, customerIds: undefined }));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const fields = { roleId: roleId ? Number(roleId) : Number.NaN, manageAll, customerIds: manageAll ? [] : [...customers.keys()] };
    let send: () => Promise<ActionResult<{ id: number }>>;
    if (editing === null) {
      const parsed = assignManagerSchema.safeParse({ ...fields, userId: person ? Number(person.value) : Number.NaN });
      if (!parsed.success) return setErrors(errorsOf(issuesByField(parsed.error.issues)));
      send = () => assignManager(parsed.data);
    } else {
      const parsed = editManagerSchema.safeParse({ ...fields, id: editing });
      if (!parsed.success) return setErrors(errorsOf(issuesByField(parsed.error.issues)));
      send = () => editManager(parsed.data);
    }
    setPending(true);
    const result = await send();
    setPending(false);
    if (!result.ok) {
      setErrors(errorsOf(result.fieldErrors, result.error));
      return;
    }
    toast.success(editing === null ? `${person?.label} is now a customer manager.` : "Customer manager saved.");
    close();
    router.refresh();
    // The row just added gets focus (its menu) once the server has rendered it; an edited row keeps its menu's.
    if (editing === null && person) focusWhenRendered(() => managerMenuButton(person.label));
  }

  const systemRoles = roles.filter((role) => role.kind === "system");
  const inheritableRoles = roles.filter((role) => role.kind === "inheritable");
  const title = editing === null ? "Assign customer manager" : "Edit customer manager";

  return (
    <form noValidate onSubmit={submit} className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          {mode.kind === "edit"
            ? `${mode.person.name} (${mode.person.email}): a new role or other customers.`
            : "A member of your team who will enter customer accounts with one role in all of them."}
        </DialogDescription>
      </DialogHeader>

      {mode.kind === "assign" ? (
        <div className="grid gap-2">
          <Label htmlFor="manager-person">Team member</Label>
          <SearchCombobox<TeamMember>
            id="manager-person"
            searchLabel="Search team members"
            placeholder="Choose a team member"
            selected={person}
            source="/lookups/team-members"
            toOption={personOption}
            onSelect={(option) => {
              setPerson(option);
              setErrors((current) => ({ ...current, userId: undefined }));
            }}
            emptyText="Every member of your team who matches is already a customer manager."
            invalid={!!errors.userId}
            describedBy={errors.userId ? "manager-person-error" : "manager-person-hint"}
          />
          <p id="manager-person-hint" className="text-xs text-muted-foreground">
            Only members of your partner team who are not customer managers yet.
          </p>
          <FieldError id="manager-person-error">{errors.userId}</FieldError>
        </div>
      ) : null}

      {loading ? (
        <div className="grid gap-3" aria-busy="true" aria-label="Loading the customer manager">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : (
        <>
          <div className="grid gap-2">
            <Label htmlFor="manager-role">Role</Label>
            <Select
              value={roleId}
              onValueChange={(value) => {
                setRoleId(value);
                setErrors((current) => ({ ...current, roleId: undefined }));
              }}
            >
              <SelectTrigger
                id="manager-role"
                aria-invalid={errors.roleId ? true : undefined}
                aria-describedby={errors.roleId ? "manager-role-error" : "manager-role-hint"}
              >
                <SelectValue placeholder="Choose a role" />
              </SelectTrigger>
              <SelectContent>
                <SelectGroup>
                  <SelectLabel>System roles</SelectLabel>
                  {systemRoles.map((role) => (
                    <SelectItem key={role.id} value={String(role.id)}>
                      {role.name}
                    </SelectItem>
                  ))}
                </SelectGroup>
                {inheritableRoles.length > 0 ? (
                  <SelectGroup>
                    <SelectLabel>Inheritable roles</SelectLabel>
                    {inheritableRoles.map((role) => (
                      <SelectItem key={role.id} value={String(role.id)}>
                        {role.name}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                ) : null}
              </SelectContent>
            </Select>
            <p id="manager-role-hint" className="text-xs text-muted-foreground">
              The role applies in every customer account this manager covers.
            </p>
            <FieldError id="manager-role-error">{errors.roleId}</FieldError>
          </div>

          <div className="flex items-start justify-between gap-4 rounded-md border p-3">
            <div className="grid gap-1">
              <Label htmlFor="manager-all">Manage all customers</Label>
              <p className="text-xs text-muted-foreground">Every customer account, including customers added later.</p>
            </div>
            <Switch id="manager-all" checked={manageAll} onCheckedChange={(checked) => setManageAll(checked)} />
          </div>

          {manageAll ? null : (
            <div className="grid gap-2">
              <Label htmlFor="manager-customers">Choose customers</Label>
              <SearchCombobox<CustomerItem>
                id="manager-customers"
                searchLabel="Search customers"
                placeholder={customers.size === 0 ? "Search by name or external ID" : `${customers.size.toLocaleString("en")} chosen`}
                source="/lookups/customers"
                toOption={customerOption}
                chosen={chosen}
                closeOnSelect={false}
                onSelect={toggleCustomer}
                emptyText="No customer matches your search."
                invalid={!!errors.customerIds}
                describedBy={errors.customerIds ? "manager-customers-error" : undefined}
              />
              <CustomerChips customers={customers} onRemove={(id) => toggleCustomer({ value: String(id), label: "" })} />
              <FieldError id="manager-customers-error">{errors.customerIds}</FieldError>
            </div>
          )}
        </>
      )}

      <FieldError>{errors.form}</FieldError>

      <DialogFormFooter
        submitLabel={editing === null ? "Assign customer manager" : "Save"}
        pending={pending}
        disabled={loading}
        onCancel={close}
      />
    </form>
  );
}
