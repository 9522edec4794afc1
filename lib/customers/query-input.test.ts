import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { customerQueryFromSearchParams, DEFAULT_CUSTOMER_QUERY, serializeCustomerView } from "./query-input";

describe("the Customers view's URL: one nuqs parser set reads and writes it", () => {
  it("reads back what it wrote, and leaves defaults out of the URL", () => {
    const view = {
      ...DEFAULT_CUSTOMER_QUERY,
      q: "north",
      status: "in_trial" as const,
      plans: [3, 12],
      app: 7,
      sort: "name" as const,
      dir: "asc" as const,
      size: 50 as const,
      page: 4,
    };
    const search = serializeCustomerView(view);
    expect(search).toBe("?q=north&status=in_trial&plan=3,12&app=7&sort=name&dir=asc&size=50&page=4");
    expect(customerQueryFromSearchParams(new URLSearchParams(search.slice(1)))).toEqual(view);
    expect(serializeCustomerView(DEFAULT_CUSTOMER_QUERY)).toBe("");
  });

  it("brings each malformed key back to its default through the schema's own bounds, key by key", () => {
    const read = customerQueryFromSearchParams({
      plan: "3,0x1F",
      app: "12abc",
      page: "12abc",
      size: "30",
      from: "2024-13-01",
      last: "1",
      q: "x".repeat(300),
      status: "in_trial",
    });
    expect(read).toMatchObject({ plans: [], app: null, page: 1, size: 25, from: null, last: false, status: "in_trial" });
    expect(read.q).toHaveLength(200);
    expect(customerQueryFromSearchParams({ page: ["7", "9"], last: "true" })).toMatchObject({ page: 7, last: true });
  });
});

/** The project's own modules that `entry` imports, directly or not (imports by `@/` or relative path). */
function importedModules(entry: string): Map<string, string> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    seen.set(file, text);
    for (const [statement, spec] of text.matchAll(/^(?:import|export)\s(?:[^;]*?from\s+)?"([^"]+)"/gm)) {
      if (/^(?:import|export) type\s/.test(statement)) continue;
      const base = spec!.startsWith("@/") ? join(root, spec!.slice(2)) : spec!.startsWith(".") ? join(dirname(file), spec!) : null;
      const resolved = base && [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(existsSync);
      if (resolved) visit(resolved);
    }
  };
  visit(join(root, entry));
  return seen;
}

describe("the Customers page's URL parsers in the browser", () => {
  it("import no zod, directly or through another module (zod is 30 KB of the page's first-load budget of 160 KB)", () => {
    const withZod = [...importedModules("app/(console)/customers/(list)/search-params.ts")]
      .filter(([, text]) => /^import(?!\s+type)[^;]*from\s+"zod(\/[^"]*)?"/m.test(text))
      .map(([file]) => file);
    expect(withZod).toEqual([]);
  });
});
