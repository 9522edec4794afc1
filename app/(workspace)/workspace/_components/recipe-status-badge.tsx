import { Badge } from "@/components/ui/badge";

export function RecipeStatusBadge({ status }: { status: "running" | "stopped" }) {
  return status === "running" ? <Badge variant="success">Running</Badge> : <Badge variant="secondary">Stopped</Badge>;
}
