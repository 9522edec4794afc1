/**
 * Every server action of the app, found on disk rather than listed: each `"use server"` file under app/ and each
 * function it exports. An action is a public POST endpoint whatever page renders it, so each one is fuzzed. Its
 * input schema is read from its own source (`consoleAction(schema, …)` / `workspaceAction(schema, …)` and the
 * import that schema comes from), so the generated inputs follow it; an action built otherwise gets hostile input
 * only. The route group says who calls it: (console) a partner admin, (workspace) a workspace collaborator,
 * anything else nobody signed in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";

export type Caller = "console" | "workspace" | "anonymous";

export interface ServerAction {
  /** `app/(console)/customers/(list)/actions.ts#addCustomerAction`. */
  name: string;
  caller: Caller;
  run: (input: unknown) => Promise<unknown>;
  schema: z.ZodType | null;
}

const APP = fileURLToPath(new URL("../../app", import.meta.url));

function serverFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return /^\s*["']use server["'];?/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
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
  for (const file of serverFiles(APP).sort()) {
    const source = readFileSync(file, "utf8");
    const relative = path.relative(path.dirname(APP), file);
    const caller: Caller = relative.includes("/(console)/") ? "console" : relative.includes("/(workspace)/") ? "workspace" : "anonymous";
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const schemas = schemaNames(source);
    const imports = importedFrom(source);
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== "function") continue;
      const schemaName = schemas.get(name);
      const from = schemaName ? imports.get(schemaName) : undefined;
      const schema = from ? (((await import(/* @vite-ignore */ from)) as Record<string, unknown>)[schemaName!] as z.ZodType) : null;
      actions.push({ name: `${relative}#${name}`, caller, run: value as ServerAction["run"], schema: schema ?? null });
    }
  }
  return actions;
}
