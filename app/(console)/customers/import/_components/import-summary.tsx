import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatNumber, pluralWord } from "@/lib/format";
import type { ImportView } from "@/lib/customer-import/view";

/** What the check found: rows to add, to update, in error (the first ones listed, all of them in the error file). */
export function ImportSummary({ view }: { view: ImportView }) {
  const count = (value: number, word: string) => `${formatNumber(value)} ${pluralWord(value, word)}`;
  return (
    <section aria-labelledby="import-summary" className="space-y-3">
      <h2 id="import-summary" className="text-lg font-semibold">
        Check
      </h2>
      <p className="text-sm" role="status">
        {`${count(view.totalRows, "row")}: ${count(view.createRows, "new customer")}, ${count(view.updateRows, "update")}, ${formatNumber(view.errorRows)} in error.`}
      </p>
      {view.errorRows > 0 && view.id !== null ? (
        <div className="space-y-2">
          <Button variant="outline" asChild>
            <a href={`/customers/import/${view.id}/errors`} download>
              <Download aria-hidden />
              Download rows in error
            </a>
          </Button>
          <ul aria-label="Rows in error" className="max-h-64 space-y-1 overflow-auto rounded-md border p-3 text-sm">
            {view.errors.map((error) => (
              <li key={error.line}>
                <span className="font-medium">{`Line ${error.line}`}</span>
                {error.externalId ? ` (${error.externalId})` : ""}: {error.reason}
              </li>
            ))}
          </ul>
          {view.errorRows > view.errors.length ? (
            <p className="text-sm text-muted-foreground">{`The first ${formatNumber(view.errors.length)} are listed; the file has all ${formatNumber(view.errorRows)}.`}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
