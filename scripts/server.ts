/**
 * The console's production server: Next.js behind a plain Node.js HTTP server of our own (lib/lifecycle/serve.ts),
 * because `next start` exits at once on SIGTERM, dropping the requests in flight
 * (next/dist/server/lib/start-server.js), and gives no hook around each request. This one adds the request ID and
 * one JSON log line per request, and on SIGTERM or SIGINT drains before it exits.
 *
 * Run by `npm start` (scripts/start.ts) and `npm run cluster`; reads PORT, LISTEN_HOST (default: every interface)
 * and the console's settings (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL…).
 */
import { join } from "node:path";
import next from "next";
import { serve } from "@/lib/lifecycle/serve";
import { routePatternMatcher } from "@/lib/observability/route-pattern";

const port = Number(process.env.PORT ?? 3000);
// Not HOSTNAME: shells and containers set it to the machine's name.
const hostname = process.env.LISTEN_HOST || undefined;
const dir = process.cwd();

const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

serve({ port, hostname, routePattern: routePatternMatcher(join(dir, ".next")), handle: (request, response) => handle(request, response), afterDrain: () => app.close() });
