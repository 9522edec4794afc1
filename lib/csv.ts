import { stringify } from "csv-stringify/sync";

/**
 * One CSV line for the exports (Customers, audit log): csv-stringify quotes a field that holds a comma, a quote or
 * a line break, and prefixes an apostrophe to one a spreadsheet would read as a formula (names and changes are typed
 * by people). CRLF ends each line, as RFC 4180 and spreadsheets expect.
 */
export function csvLine(values: readonly unknown[]): string {
  return stringify([values.map((value) => (value === null || value === undefined ? "" : String(value)))], {
    record_delimiter: "\r\n",
    escape_formulas: true,
    // A lone LF or CR inside a field is a line break too (the default only quotes the record delimiter itself).
    quoted_match: /[\r\n]/,
  });
}
