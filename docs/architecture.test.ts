/** docs/architecture.md names real files: a renamed or moved file fails here instead of leaving the map wrong. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("docs/architecture.md", () => {
  it("names only files and folders that exist", () => {
    const text = readFileSync(join(root, "docs/architecture.md"), "utf8");
    const paths = [...text.matchAll(/`([^`\s]+)`/g)]
      .map((m) => m[1]!)
      // Placeholders (`lib/<domain>/`), shortened (`…/route.ts`) and globbed paths are patterns, not files.
      .filter((path) => /^(app|lib|components|db|scripts|e2e|docs|tests)\/|^proxy\.ts$/.test(path) && !/[…*<]/.test(path));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
