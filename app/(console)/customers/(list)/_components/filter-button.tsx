import { CalendarDays, ChevronDown, Layers, Puzzle } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { JoinedPreset } from "@/lib/customers/view-options";

export const JOINED_LABELS: Record<Exclude<JoinedPreset, "custom">, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
};

export const PLAN_FILTER = { icon: Layers, label: "Plan" };
export const APP_FILTER = { icon: Puzzle, label: "App" };
export const JOINED_FILTER = { icon: CalendarDays, label: "Date joined" };

/** A filter's button: the same before its popover's code has loaded and as the popover's trigger after. */
export function FilterButton({
  icon: Icon,
  label,
  active,
  ...props
}: { icon: typeof Layers; label: string; active: boolean } & React.ComponentProps<"button">) {
  return (
    <Button variant={active ? "secondary" : "outline"} size="sm" className="h-9" aria-haspopup="dialog" aria-expanded={false} {...props}>
      <Icon aria-hidden />
      {label}
      <ChevronDown aria-hidden className="size-3.5 opacity-60" />
    </Button>
  );
}
