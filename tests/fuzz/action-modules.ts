/**
 * Every server action of the app, as the authorization matrix finds them on disk (tests/authorization-matrix/routes.ts):
 * each function every `"use server"` module exports. An action is a public POST endpoint whatever page renders it, so each one is fuzzed. Its
 * input schema is read from its own source (`consoleAction(schema, …)` / `workspaceAction(schema, …)` and the
 * import that schema comes from), so the generated inputs follow it; an action built otherwise gets hostile input
 * only. The route group says who calls it: (console) a partner admin, (workspace) a workspace collaborator,
 * anything else nobody signed in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ROOT, serverActions as actionRoutes } from "@/tests/authorization-matrix/routes";

export type Caller = "console" | "workspace" | "anonymous";

export interface ServerAction {
  /** `app/(console)/customers/(list)/actions.ts#addCustomerAction`. */
  name: string;
  caller: Caller;
  run: (input: unknown) => Promise<unknown>;
  schema: z.ZodType | null;
}

/** `export const name = consoleAction(schemaName, …)` → { name: schemaName }. */
function schemaNames(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of source.matchAll(/export const (\w+) = \w+Action\(\s*(\w+)\s*,/g)) names.set(match[1]!, match[2]!);
  return names;
}

/** `import { a, b as c } from "module"` → { a: module, c: module } (the name the file uses, the module it names). */
function importedFrom(source: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const match of source.matchAll(/import\s*{([^}]*)}\s*from\s*"([^"]+)"/g)) {
    for (const item of match[1]!.split(",")) {
      const [imported, local] = item.trim().split(/\s+as\s+/);
      if (imported) modules.set((local ?? imported).trim(), match[2]!);
    }
  }
  return modules;
}

export async function serverActions(): Promise<ServerAction[]> {
  const actions: ServerAction[] = [];
  for (const route of await actionRoutes()) {
    const source = readFileSync(route.file, "utf8");
    const relative = path.relative(ROOT, route.file).split(path.sep).join("/");
    const caller: Caller = relative.includes("/(console)/") ? "console" : relative.includes("/(workspace)/") ? "workspace" : "anonymous";
    const value = ((await import(/* @vite-ignore */ route.file)) as Record<string, unknown>)[route.name];
    if (typeof value !== "function") continue;
    const schemaName = schemaNames(source).get(route.name);
    const from = schemaName ? importedFrom(source).get(schemaName) : undefined;
    const schema = from ? (((await import(/* @vite-ignore */ from)) as Record<string, unknown>)[schemaName!] as z.ZodType) : null;
    actions.push({ name: `${relative}#${route.name}`, caller, run: value as ServerAction["run"], schema: schema ?? null });
  }
  return actions;
}
