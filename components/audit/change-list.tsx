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

/** What an audit event changed: old and new values for each field, then the details it keeps. Always text. */
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
                <span className="text-muted-foreground line-through decoration-muted-foreground/50">{show(value.from)}</span>
                <span aria-label="changed to"> → </span>
                <span className="font-medium">{show(value.to)}</span>
              </>
            ) : (
              show(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
