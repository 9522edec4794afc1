/** A named list of origins, shown as code. */
export function OriginList({ label, origins, empty }: { label: string; origins: string[]; empty: string }) {
  const id = `origins-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <div className="flex flex-col gap-1.5">
      <h4 id={id} className="text-sm font-medium">
        {label}
      </h4>
      {origins.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="flex flex-wrap gap-1.5">
          {origins.map((origin) => (
            <li key={origin} className="rounded-md border bg-muted/40 px-2 py-0.5 font-mono text-[13px]">
              {origin}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
