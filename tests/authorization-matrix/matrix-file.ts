/**
 * Reads docs/authorization-matrix.md: one Markdown table per surface, under the headings `## Pages`,
 * `## Server actions` and `## API routes`. The first column names the route (in backticks), one column per role
 * holds the expected outcome, and a last `rules` column cites rules. The format is described at the top of the file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./routes";

export const MATRIX_FILE = path.join(ROOT, "docs/authorization-matrix.md");

export const SURFACES = { pages: "Pages", actions: "Server actions", routes: "API routes" } as const;
export type Surface = keyof typeof SURFACES;

export interface MatrixTable {
  columns: string[];
  /** Row key → role column → expected outcome. */
  rows: Map<string, Map<string, string>>;
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** The tables of the matrix, by surface. Throws on a duplicated row or a row whose cell count is wrong. */
export function readMatrix(text = readFileSync(MATRIX_FILE, "utf8")): Record<Surface, MatrixTable> {
  const result = {} as Record<Surface, MatrixTable>;
  for (const [surface, heading] of Object.entries(SURFACES) as [Surface, string][]) {
    const start = text.indexOf(`\n## ${heading}\n`);
    if (start < 0) throw new Error(`docs/authorization-matrix.md has no "## ${heading}" section`);
    const section = text.slice(start + 1).split(/\n## /)[0]!;
    const lines = section.split("\n").filter((line) => line.trim().startsWith("|"));
    const [header, , ...body] = lines;
    if (!header) throw new Error(`The "${heading}" section has no table`);
    const columns = cellsOf(header).slice(1, -1);
    const rows = new Map<string, Map<string, string>>();
    for (const line of body) {
      const cells = cellsOf(line);
      const key = cells[0]!.replace(/^`|`$/g, "");
      if (cells.length !== columns.length + 2) throw new Error(`${heading}: row ${key} has ${cells.length} cells, the header ${columns.length + 2}`);
      if (rows.has(key)) throw new Error(`${heading}: row ${key} appears twice`);
      rows.set(key, new Map(columns.map((column, index) => [column, cells[index + 1]!])));
    }
    result[surface] = { columns, rows };
  }
  return result;
}
