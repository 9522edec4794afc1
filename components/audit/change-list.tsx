import { LocalTime } from "@/components/ui/local-time";
import { fieldLabel } from "@/lib/audit/labels";

type Change = { from?: unknown; to?: unknown };

function isChange(value: unknown): value is Change {
  return typeof value === "object" && value !== null && !Array.isArray(value) && ("from" in value || "to" in value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A moment as the events keep it (JSON's `Date`), which reads as a time rather than as ISO text. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function Value({ value }: { value: unknown }) {
  if (typeof value === "string" && MOMENT.test(value) && !Number.isNaN(Date.parse(value))) return <LocalTime value={value} />;
  return show(value);
}

/** What an audit event changed: old and new values for each field, then the details it keeps. Always text; moments in the reader's time. */
export function ChangeList({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No details recorded.</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted-foreground">{fieldLabel(key)}</dt>
          <dd className="min-w-0 break-words">
            {isChange(value) ? (
              <>
                <span className="text-muted-foreground line-through decoration-muted-foreground/50">
                  <Value value={value.from} />
                </span>
                <span aria-label="changed to"> → </span>
                <span className="font-medium">
                  <Value value={value.to} />
                </span>
              </>
            ) : (
              <Value value={value} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
