/**
 * The console's production server: Next.js behind a plain Node.js HTTP server of our own (lib/lifecycle/serve.ts),
 * because `next start` exits at once on SIGTERM, dropping the requests in flight
 * (next/dist/server/lib/start-server.js), and gives no hook around each request. This one adds the request ID and
 * one JSON log line per request, and on SIGTERM or SIGINT drains before it exits.
 *
 * Run by `npm start` (scripts/start.ts) and `npm run cluster`; reads PORT, LISTEN_HOST (default: every interface)
 * and the console's settings (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL…).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import next from "next";
import { serve } from "@/lib/lifecycle/serve";
import { routePatternMatcher } from "@/lib/observability/route-pattern";
import { guardRequest } from "@/lib/security/request-guard";

const port = Number(process.env.PORT ?? 3000);
// Not HOSTNAME: shells and containers set it to the machine's name.
const hostname = process.env.LISTEN_HOST || undefined;
const dir = process.cwd();

const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

/** next.config.mjs's `experimental.serverActions.allowedOrigins`, as the build resolved it. */
function allowedActionOrigins(): string[] {
  const files = JSON.parse(readFileSync(join(dir, ".next", "required-server-files.json"), "utf8")) as {
    config?: { experimental?: { serverActions?: { allowedOrigins?: string[] } } };
  };
  return files.config?.experimental?.serverActions?.allowedOrigins ?? [];
}
const allowedOrigins = allowedActionOrigins();

serve({
  port,
  hostname,
  routePattern: routePatternMatcher(join(dir, ".next")),
  // Malformed paths and foreign server actions, which Next.js would answer with a 500 (lib/security/request-guard.ts).
  handle: (request, response) => (guardRequest(request, response, { allowedOrigins }) ? undefined : handle(request, response)),
  afterDrain: () => app.close(),
});
