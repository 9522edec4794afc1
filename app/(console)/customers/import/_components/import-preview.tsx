import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS } from "@/lib/customer-import/mapping";
import type { ImportView } from "@/lib/customer-import/view";

/** The first rows as the import reads them: one column per customer field, with the file's line. */
export function ImportPreview({ view }: { view: ImportView }) {
  const fields = IMPORT_FIELDS.filter((field) => view.mapping[field] !== null);
  return (
    <Table aria-label="First rows of the file">
      <TableHeader>
        <TableRow>
          <TableHead>Line</TableHead>
          {fields.map((field) => (
            <TableHead key={field}>{IMPORT_FIELD_LABELS[field]}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.preview.map((row) => (
          <TableRow key={row.line}>
            <TableCell className="tabular-nums">{row.line}</TableCell>
            {fields.map((field) => (
              <TableCell key={field} className="max-w-64 truncate">
                {row.cells[view.mapping[field]!] ?? ""}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
