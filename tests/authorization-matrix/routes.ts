/**
 * Every route the app has, read from the file system and the REST registry, never from a list kept by hand: the
 * authorization matrix test compares this with docs/authorization-matrix.md, so a new page, server action, route
 * handler or HTTP method cannot be forgotten.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { API_ENDPOINTS } from "@/lib/api/registry";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const APP = path.join(ROOT, "app");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, accept);
    return accept(entry.name) ? [full] : [];
  });
}

/** `app/(console)/customers/[id]/page.tsx` → `/customers/:id`: route groups dropped, dynamic segments as `:name`. */
export function urlOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[\.\.\.(.+)\]$/, ":$1*").replace(/^\[(.+)\]$/, ":$1"));
  return `/${segments.join("/")}`;
}

/** Whether a module starts with the "use server" directive (comments and blank lines before it allowed). */
function isServerActionModule(file: string): boolean {
  const code = readFileSync(file, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(code);
}

export interface PageRoute {
  key: string;
  file: string;
  /** The layouts that wrap the page, outermost first (each runs its own guard). */
  layouts: string[];
}

export function pageRoutes(): PageRoute[] {
  return filesUnder(APP, (name) => /^page\.(tsx|ts|jsx|js)$/.test(name))
    .sort()
    .map((file) => {
      const layouts: string[] = [];
      for (let dir = path.dirname(file); dir.startsWith(APP); dir = path.dirname(dir)) {
        const layout = path.join(dir, "layout.tsx");
        if (readdirSync(dir).includes("layout.tsx")) layouts.unshift(layout);
      }
      return { key: urlOf(file), file, layouts };
    });
}

export interface ActionRoute {
  key: string;
  file: string;
  name: string;
}

/** Every export of every "use server" module, app/, lib/ and components/ alike. */
export async function serverActions(): Promise<ActionRoute[]> {
  const modules = ["app", "lib", "components"].flatMap((dir) =>
    filesUnder(path.join(ROOT, dir), (name) => /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts")).filter(isServerActionModule),
  );
  const actions: ActionRoute[] = [];
  for (const file of modules.sort()) {
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const relative = path.relative(APP, file).split(path.sep).join("/");
    for (const name of Object.keys(exported).sort()) actions.push({ key: `${relative}#${name}`, file, name });
  }
  return actions;
}

export type RouteHandler = (request: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

export interface HandlerRoute {
  key: string;
  method: string;
  url: string;
  /** Null for a registry endpoint that no route file serves (the test names it). */
  handler: RouteHandler | null;
  file: string | null;
}

/**
 * Every method of every `route.ts`, plus every endpoint of the REST registry (`METHOD /path`, registry paths
 * written with `:param`). A registry endpoint with no route file shows up with a null handler.
 */
export async function handlerRoutes(): Promise<HandlerRoute[]> {
  const routes = new Map<string, HandlerRoute>();
  for (const file of filesUnder(APP, (name) => /^route\.(ts|js)$/.test(name)).sort()) {
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const url = urlOf(file);
    for (const method of HTTP_METHODS) {
      const handler = exported[method];
      if (typeof handler === "function") routes.set(`${method} ${url}`, { key: `${method} ${url}`, method, url, handler: handler as RouteHandler, file });
    }
  }
  for (const endpoint of API_ENDPOINTS) {
    const url = endpoint.path.replace(/\{([^}]+)\}/g, ":$1");
    const key = `${endpoint.method} ${url}`;
    if (!routes.has(key)) routes.set(key, { key, method: endpoint.method, url, handler: null, file: null });
  }
  return [...routes.values()].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** The registry endpoint behind `METHOD /path`, if any (its scope decides the API columns). */
export function registryEndpoint(key: string) {
  return API_ENDPOINTS.find((endpoint) => `${endpoint.method} ${endpoint.path.replace(/\{([^}]+)\}/g, ":$1")}` === key) ?? null;
}
