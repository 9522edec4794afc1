import { cn } from "@/lib/utils";

const numberFormat = new Intl.NumberFormat("en");

/** "used / limit" with a small bar: amber past 80 %, red at 100 %. */
export function UsageMeter({ used, limit, label }: { used: number; limit: number; label: string }) {
  const ratio = limit > 0 ? used / limit : used > 0 ? 1 : 0;
  const tone = ratio >= 1 ? "bg-red-600" : ratio > 0.8 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="min-w-28">
      <div className="text-sm tabular-nums">
        {numberFormat.format(used)} <span className="text-muted-foreground">/ {numberFormat.format(limit)}</span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(used, limit)}
        aria-valuetext={`${numberFormat.format(used)} of ${numberFormat.format(limit)}`}
        className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${Math.min(100, Math.round(ratio * 100))}%` }} />
      </div>
    </div>
  );
}
