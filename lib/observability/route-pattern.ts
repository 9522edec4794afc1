/**
 * A request's route pattern (`/customers/[id]`), for its log line: from the build's routes manifest, matched as
 * Next.js matches it. The pattern, not the path, goes into the logs, so that an invitation's token (a path
 * segment) never does, and lines of one route group together.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}

export type RoutePattern = (pathname: string) => string;

export function routePatternMatcher(distDir: string): RoutePattern {
  let routes: Array<{ page: string; regex: RegExp }> = [];
  try {
    const manifest = JSON.parse(readFileSync(join(distDir, "routes-manifest.json"), "utf8")) as {
      staticRoutes?: ManifestRoute[];
      dynamicRoutes?: ManifestRoute[];
    };
    routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  } catch {
    // No build (a development server): every request logs as unmatched rather than failing.
  }
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    for (const route of routes) if (route.regex.test(pathname)) return route.page;
    return "(unmatched)";
  };
}
