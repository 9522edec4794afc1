import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type CustomerStatus } from "@/lib/customers/status";

const VARIANTS = { active: "success", in_trial: "warning", expired: "destructive" } as const;

/** A customer's derived status (decision D2) in the product's words: Active, In trial, Expired subscription. */
export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  return <Badge variant={VARIANTS[status]}>{STATUS_LABELS[status]}</Badge>;
}
