/**
 * No import cycles among the application's modules (issue 13, item 7). A cycle makes the order in which modules run
 * depend on which one is imported first, and a lazily loaded part that imports its loader back drags the loader
 * into its own chunk. Type-only imports are left out (they vanish at build); `import()` counts, since that is how
 * the lazily loaded parts come in. Uses the TypeScript compiler the project already has, resolving the `@/` paths
 * exactly as tsc does.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file loads at run time: static imports and re-exports that are not type-only, and `import()`. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, ts.sys.readFile(join(root, file)) ?? "", ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return found;
}

describe("imports", () => {
  it("form no cycles among app, lib, components and db", () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const options = config!.options;
    const cache = ts.createModuleResolutionCache(root, (name) => name, options);
    const files = [...["app", "lib", "components", "db"].flatMap(sourceFiles), "proxy.ts", "instrumentation.ts"];
    const known = new Set(files);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const targets = runtimeImports(file).flatMap((specifier) => {
        const resolved = ts.resolveModuleName(specifier, join(root, file), options, ts.sys, cache).resolvedModule;
        const target = resolved && !resolved.isExternalLibraryImport ? relative(root, resolved.resolvedFileName) : null;
        return target && known.has(target) ? [target] : [];
      });
      graph.set(file, targets);
    }
    // The walk must see the graph: the Customers page's pagination loads its select lazily.
    expect(graph.get("app/(console)/customers/(list)/_components/customers-pagination.tsx")).toContain(
      "app/(console)/customers/(list)/_components/page-size-select.tsx",
    );
    // Each lazily loaded part imports what it shares with its loader from a third file (account-trigger.tsx,
    // user-menu-button.tsx, sidebar-nav.tsx for mobile-sidebar-nav.tsx), never the loader itself.
    expect(cycles(graph).map((component) => component.join(" ↔ "))).toEqual([]);
  });
});
