import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";

/**
 * The customer manager dialog's fields, validated in the browser and again on the server. Safe to import in
 * client components.
 */
const chosenCustomers = z.array(recordIdNumber()).max(100_000, "Choose at most 100,000 customers, or manage all of them.");

const managerFields = z.object({
  roleId: recordIdNumber("Choose a role."),
  manageAll: z.boolean(),
  customerIds: chosenCustomers,
});

const someCustomers = {
  check: (value: { manageAll: boolean; customerIds: number[] }) => value.manageAll || value.customerIds.length > 0,
  message: {
    path: ["customerIds"],
    message: "Choose at least one customer, or turn on Manage all customers.",
    // Checked even when another field (the role, the person) is missing, so the dialog shows every error at once.
    when: (payload: { value: unknown }) => {
      const value = payload.value as { manageAll?: unknown; customerIds?: unknown } | null;
      return typeof value?.manageAll === "boolean" && Array.isArray(value.customerIds);
    },
  },
};

export const assignManagerSchema = managerFields.extend({ userId: recordIdNumber("Choose a team member.") }).refine(someCustomers.check, someCustomers.message);
export type AssignManagerForm = z.infer<typeof assignManagerSchema>;

export const editManagerSchema = managerFields.extend({ id: recordIdNumber() }).refine(someCustomers.check, someCustomers.message);
export type EditManagerForm = z.infer<typeof editManagerSchema>;

export const removeManagerSchema = z.object({ id: recordIdNumber() });

/** Chosen customers, or all of them, present and future (rule C5). */
export type CustomerSelection = number[] | "all";

/** The form's selection: the **Manage all customers** switch, else exactly the customers chosen (none stays none). */
export function selectionOf(form: { manageAll: boolean; customerIds: number[] }): CustomerSelection {
  return form.manageAll ? "all" : form.customerIds;
}
