/**
 * Every rule ID the repository cites ("rule U14", "decision D8", "(A10)", "rules C2–C5") is defined in
 * docs/rules.md, and every file that file names as enforcing a rule exists: a citation nobody can look up, or a
 * pointer to a moved file, fails here rather than misleading the next reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const rulesFile = join(root, "docs/rules.md");

/**
 * Every file of the repository that a person wrote, whatever its folder (app, lib, components, tests, e2e, db,
 * scripts, docs, .ci…) and type: everything but what is installed, built, generated or recorded by a run.
 */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".next", ".data", "test-results", "playwright-report", "public"]);
const SKIPPED_FILES = new Set(["package-lock.json", "next-env.d.ts"]);
const SCANNED_EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|sql|md|json|css|sh|ya?ml)$|^\.env\.example$/;
/** Files without an extension that are still source: the CI script. */
const SCANNED_DIRS_WHOLE = new Set([".ci"]);

/**
 * A citation: one of the four families and a number, optionally a range ("U20–U22", "C2-C5"). Not preceded by a
 * word character, `!` (a spreadsheet cell such as `Sheet!A1` in the CSV-injection fuzz values), `%` (a percent
 * escape such as `%C3`) or `#` (a colour), and not followed by a word character.
 */
const CITATION = /(?<![\w!%#])([UCAD])(\d{1,2})(?:\s*[–-]\s*\1?(\d{1,2}))?(?!\w)/g;

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string, whole: boolean) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(path, SCANNED_DIRS_WHOLE.has(name));
      } else if ((whole || SCANNED_EXTENSIONS.test(name)) && !SKIPPED_FILES.has(name)) files.push(path);
    }
  };
  walk(root, false);
  return files.filter((file) => file !== rulesFile);
}

interface Citation {
  id: string;
  where: string;
}

function citationsIn(text: string, file: string): Citation[] {
  const found: Citation[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(CITATION)) {
      const [, family, first, last] = match;
      const from = Number(first);
      const to = last === undefined ? from : Number(last);
      for (let n = from; n <= Math.max(from, to); n++) {
        found.push({ id: `${family}${n}`, where: `${relative(root, file)}:${index + 1}` });
      }
    }
  });
  return found;
}

interface Definition {
  id: string;
  rule: string;
  enforcedIn: string;
}

function definitions(): Definition[] {
  return readFileSync(rulesFile, "utf8")
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => /^[UCAD]\d{1,2}$/.test(cells[1] ?? ""))
    .map((cells) => ({ id: cells[1]!, rule: cells[2] ?? "", enforcedIn: cells[3] ?? "" }));
}

describe("docs/rules.md", () => {
  const defined = definitions();

  it("defines each rule once, each with its text and where it is enforced", () => {
    const ids = defined.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(defined.filter((d) => d.rule.length < 20 || d.enforcedIn === "").map((d) => d.id)).toEqual([]);
    // The four families, so that a broken table (and thus an empty list) cannot pass the test below.
    for (const family of ["U", "C", "A", "D"]) expect(ids.some((id) => id.startsWith(family))).toBe(true);
  });

  it("defines every rule ID the code, tests and docs cite", () => {
    const known = new Set(defined.map((d) => d.id));
    const undefinedCitations = sourceFiles()
      .flatMap((file) => citationsIn(readFileSync(file, "utf8"), file))
      .filter((c) => !known.has(c.id))
      .map((c) => `${c.where}: ${c.id}`);
    expect(undefinedCitations).toEqual([]);
  });

  it("names only files that exist as where a rule is enforced", () => {
    const missing = defined.flatMap((d) =>
      [...d.enforcedIn.matchAll(/`([^`]+)`/g)]
        .map((m) => m[1]!)
        .filter((path) => /^(app|lib|components|db|scripts|e2e|docs)\/|^proxy\.ts$/.test(path))
        .filter((path) => !existsSync(join(root, path)))
        .map((path) => `${d.id}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it("is where rules are looked up: nothing points to a rules document outside the repository", () => {
    const outside = sourceFiles().flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (/shared\/spec|spec\/rules\.md|\/work\//.test(line) ? [`${relative(root, file)}:${index + 1}`] : [])),
    );
    expect(outside).toEqual([]);
  });
});

describe("the citation pattern", () => {
  it("reads single IDs, lists and ranges, and skips spreadsheet cells, escapes and colours", () => {
    const ids = (text: string) => citationsIn(text, rulesFile).map((c) => c.id);
    expect(ids("(rule U14, decision D8; A10)")).toEqual(["U14", "D8", "A10"]);
    expect(ids("rules U20–U22 and C2-C5")).toEqual(["U20", "U21", "U22", "C2", "C3", "C4", "C5"]);
    expect(ids("=cmd|' /C calc'!A0 %C3%A9 #A10 UTF-8 CRM-1 U123 xD8")).toEqual([]);
  });
});
