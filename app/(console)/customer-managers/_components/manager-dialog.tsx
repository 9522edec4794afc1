"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";

import { assignManager, editManager } from "../actions";
import { CustomerChips } from "./customer-chips";
import type { RoleOption } from "@/lib/customer-managers/options";
import { assignManagerSchema, editManagerSchema } from "@/lib/customer-managers/schema";
import { formatNumber } from "@/lib/format";
import { focusWhenRendered } from "@/components/focus-return";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { fetchLookup, WithQueryClient } from "@/components/query-client";
import { FormAlert } from "@/components/ui/field-error";
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

/** The fields of both schemas: the person when assigning, the manager's ID when editing. */
type ManagerValues = { userId?: number; id?: number; roleId: number; manageAll: boolean; customerIds: number[] };

const personOption = (member: TeamMember): SearchOption => ({ value: String(member.id), label: member.name, description: member.email });
const customerOption = (customer: CustomerItem): SearchOption => ({
  value: String(customer.id),
  label: customer.name,
  description: customer.externalId ?? undefined,
});

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
        <WithQueryClient>
          <ManagerLoader mode={mode} roles={roles} setPending={setPending} close={() => onOpenChange(false)} />
        </WithQueryClient>
      </DialogContent>
    </Dialog>
  );
}

type FormProps = { mode: ManagerDialogMode; roles: RoleOption[]; setPending: (pending: boolean) => void; close: () => void };

/** Mounted each time the dialog opens: to edit, the manager as saved now (never an earlier answer), then the form. */
function ManagerLoader(props: FormProps) {
  const editing = props.mode.kind === "edit" ? props.mode.managerId : null;
  const detail = useQuery({
    queryKey: ["customer-manager", editing],
    queryFn: () => fetchLookup<ManagerDetail>(`/lookups/customer-managers/${editing}`, "The customer manager could not be loaded."),
    enabled: editing !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const loading = editing !== null && detail.isPending;
  // A form reads its defaults once: it mounts again when the manager has loaded.
  return <ManagerForm key={loading ? "loading" : "ready"} {...props} loading={loading} saved={detail.data} loadError={detail.error?.message ?? null} />;
}

function ManagerForm({
  mode,
  roles,
  setPending,
  close,
  loading,
  saved,
  loadError,
}: FormProps & { loading: boolean; saved: ManagerDetail | undefined; loadError: string | null }) {
  const editing = mode.kind === "edit" ? mode.managerId : null;
  const assignPreset = mode.kind === "assign" ? mode.preset : undefined;
  const initialCustomers = saved ? [...saved.firstCustomers, ...(mode.preset?.customers ?? [])] : (assignPreset?.customers ?? []);
  const [person, setPerson] = React.useState<SearchOption | null>(assignPreset ? personOption(assignPreset.person) : null);
  // The chosen customers' names, for the chips; the form holds their IDs.
  const [names, setNames] = React.useState(() => new Map(initialCustomers.map((customer) => [customer.id, customer.name])));
  const schema: z.ZodType<unknown, ManagerValues> = editing === null ? assignManagerSchema : editManagerSchema;
  const customerIds = [...names.keys()];
  const { form, onSubmit, pending, formError } = useActionForm({
    schema,
    defaultValues:
      editing === null
        ? { userId: assignPreset?.person.id ?? Number.NaN, roleId: assignPreset?.roleId ?? Number.NaN, manageAll: false, customerIds }
        : { id: editing, roleId: saved?.role.id ?? Number.NaN, manageAll: saved?.manageAll ?? false, customerIds },
    action: (values) => (editing === null ? assignManager(values as z.input<typeof assignManagerSchema>) : editManager({ ...values, id: editing })),
    success: () => (editing === null ? `${person?.label} is now a customer manager.` : "Customer manager saved."),
    onSuccess: () => {
      close();
      // The row just added gets focus (its menu) once the action's revalidation has rendered it; an edited row
      // keeps its menu's.
      if (editing === null && person) focusWhenRendered(() => managerMenuButton(person.label));
    },
    initialError: loadError,
  });
  React.useEffect(() => setPending(pending), [pending, setPending]);
  const manageAll = form.watch("manageAll");
  const chosen = React.useMemo(() => new Set([...names.keys()].map(String)), [names]);

  function toggleCustomer(option: SearchOption) {
    const next = new Map(names);
    const id = Number(option.value);
    if (next.has(id)) next.delete(id);
    else next.set(id, option.label);
    setNames(next);
    form.setValue("customerIds", [...next.keys()], { shouldValidate: form.formState.isSubmitted });
  }

  const systemRoles = roles.filter((role) => role.kind === "system");
  const inheritableRoles = roles.filter((role) => role.kind === "inheritable");
  const title = editing === null ? "Assign customer manager" : "Edit customer manager";

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          {mode.kind === "edit"
            ? `${mode.person.name} (${mode.person.email}): a new role or other customers.`
            : "A member of your team who will enter customer accounts with one role in all of them."}
        </DialogDescription>
      </DialogHeader>

      {mode.kind === "assign" ? (
        <FormField
          control={form.control}
          name="userId"
          id="manager-person"
          label="Team member"
          description="Only members of your partner team who are not customer managers yet."
          className="gap-2"
        >
          {(field) => (
            <SearchCombobox<TeamMember>
              id={field.id}
              triggerRef={field.ref}
              searchLabel="Search team members"
              placeholder="Choose a team member"
              selected={person}
              source="/lookups/team-members"
              toOption={personOption}
              onSelect={(option) => {
                setPerson(option);
                field.onChange(Number(option.value));
              }}
              emptyText="Every member of your team who matches is already a customer manager."
              invalid={field["aria-invalid"]}
              describedBy={field["aria-describedby"]}
            />
          )}
        </FormField>
      ) : null}

      {loading ? (
        <div className="grid gap-3" aria-busy="true" aria-label="Loading the customer manager">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : (
        <>
          <FormField
            control={form.control}
            name="roleId"
            id="manager-role"
            label="Role"
            description="The role applies in every customer account this manager covers."
            className="gap-2"
          >
            {({ value, onChange, name: _name, disabled: _disabled, ...field }) => (
              <Select value={Number.isNaN(value) ? "" : String(value)} onValueChange={(role) => onChange(Number(role))}>
                <SelectTrigger {...field}>
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
            )}
          </FormField>

          <div className="flex items-start justify-between gap-4 rounded-md border p-3">
            <div className="grid gap-1">
              <Label htmlFor="manager-all">Manage all customers</Label>
              <p className="text-xs text-muted-foreground">Every customer account, including customers added later.</p>
            </div>
            <Switch
              id="manager-all"
              checked={manageAll}
              onCheckedChange={(checked) => form.setValue("manageAll", checked, { shouldValidate: form.formState.isSubmitted })}
            />
          </div>

          {manageAll ? null : (
            <FormField control={form.control} name="customerIds" id="manager-customers" label="Choose customers" className="gap-2">
              {(field) => (
                <>
                  <SearchCombobox<CustomerItem>
                    id={field.id}
                    triggerRef={field.ref}
                    searchLabel="Search customers"
                    placeholder={names.size === 0 ? "Search by name or external ID" : `${formatNumber(names.size)} chosen`}
                    source="/lookups/customers"
                    toOption={customerOption}
                    chosen={chosen}
                    closeOnSelect={false}
                    onSelect={toggleCustomer}
                    emptyText="No customer matches your search."
                    invalid={field["aria-invalid"]}
                    describedBy={field["aria-describedby"]}
                  />
                  <CustomerChips customers={names} onRemove={(id) => toggleCustomer({ value: String(id), label: "" })} />
                </>
              )}
            </FormField>
          )}
        </>
      )}

      <FormAlert>{formError}</FormAlert>

      <DialogFormFooter submitLabel={editing === null ? "Assign customer manager" : "Save"} pending={pending} disabled={loading} onCancel={close} />
    </form>
  );
}
