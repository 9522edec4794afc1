import type { ColumnMapping } from "./mapping";

/** What the upload answers (console and API alike). Safe to import in the browser. */
export interface ImportView {
  /** Null when the mapping cannot run yet (see `mappingProblems`): nothing was validated or kept. */
  id: number | null;
  fileName: string;
  header: string[];
  mapping: ColumnMapping;
  mappingProblems: string[];
  /** The first rows, as in the file. */
  preview: { line: number; cells: string[] }[];
  totalRows: number;
  createRows: number;
  updateRows: number;
  errorRows: number;
  /** The first rows in error; the error file has every one. */
  errors: ImportRowError[];
}

export interface ImportRowError {
  line: number;
  externalId: string | null;
  reason: string;
}
