import { Skeleton } from "@/components/ui/skeleton";

/** Customer, then four narrower columns (hidden on small screens but the first). */
const rowGrid =
  "grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] items-center gap-6 px-3 sm:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]";
const cellWidths = ["w-20", "w-28", "w-16", "w-24"] as const;

/** Shown while a console page loads: the outline of a table page (title, toolbar, rows). */
export function TablePageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">Loading…</span>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-2">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
        <Skeleton className="h-9 w-40" />
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Skeleton className="h-9 w-full max-w-xs" />
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-28" />
      </div>

      <div aria-hidden="true" className="overflow-hidden rounded-lg border">
        <div className={`${rowGrid} border-b bg-muted/40 py-3`}>
          <Skeleton className="h-3 w-24" />
          {cellWidths.map((width, col) => (
            <Skeleton key={col} className={`h-3 w-16 ${col > 0 ? "hidden sm:block" : ""}`} />
          ))}
        </div>
        {Array.from({ length: 8 }, (_, row) => (
          <div key={row} className={`${rowGrid} border-b py-3.5 last:border-0`}>
            <div className="flex flex-col gap-1.5">
              <Skeleton className="h-4 w-40 max-w-full" />
              <Skeleton className="h-3 w-24" />
            </div>
            {cellWidths.map((width, col) => (
              <Skeleton key={col} className={`h-4 ${width} ${col > 0 ? "hidden sm:block" : ""}`} />
            ))}
          </div>
        ))}
      </div>

      <div className="flex items-center justify-between">
        <Skeleton className="h-4 w-32" />
        <div className="flex gap-2">
          <Skeleton className="h-8 w-20" />
          <Skeleton className="h-8 w-20" />
        </div>
      </div>
    </div>
  );
}
