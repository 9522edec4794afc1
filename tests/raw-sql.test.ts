/**
 * Raw SQL only where it is needed (issue 13, item 7): a query written as text escapes tsc, so a renamed column fails
 * at run time instead of at build. Every file of lib/ that runs a query as text (`.execute(sql…)` reading or
 * writing rows) says why on a line that starts with "Raw SQL:" (a measured hot path, a PostgreSQL feature the query
 * builder lacks); plain selects and joins go through the query builder. Setting a transaction's variables
 * (`set_config`, `set local`) and the health check's `select 1` are not queries of rows.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Whether the file runs a query of rows as text: an `execute(` whose SQL is not only a setting or a ping. */
function runsRawQueries(text: string): boolean {
  return [...text.matchAll(/\.execute(?:<[^>]*>)?\(/g)].some((match) => {
    const after = text.slice(match.index, match.index + 400);
    return !/^\.execute(?:<[^>]*>)?\((?:sql`(?:select set_config|set local|select 1`)|partnerScope\()/.test(after);
  });
}

describe("raw SQL", () => {
  it("says why wherever lib/ runs a query as text", () => {
    const unexplained = sourceFiles("lib")
      .filter((file) => runsRawQueries(readFileSync(join(root, file), "utf8")))
      .filter((file) => !/Raw SQL: \S/.test(readFileSync(join(root, file), "utf8")));
    expect(unexplained).toEqual([]);
  });
});
