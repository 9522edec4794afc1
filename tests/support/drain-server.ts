/**
 * An instance's server (lib/lifecycle/serve.ts, as scripts/server.ts runs it) around a stand-in for Next.js, for
 * lib/lifecycle/drain.test.ts: `/slow` answers after SLOW_MS, `/api/health/ready` as the console's does while
 * draining. A shutdown hook prints when it runs, after the last request.
 */
import { isDraining, onShutdown } from "@/lib/lifecycle/state";
import { serve } from "@/lib/lifecycle/serve";
import { logger } from "@/lib/observability/logger";

onShutdown("test hook", async () => logger().info("hook ran"));
serve({
  port: Number(process.env.PORT),
  hostname: "127.0.0.1",
  routePattern: (pathname) => pathname,
  handle: async (request, response) => {
    if (request.url === "/slow") {
      await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLOW_MS)));
      response.end("slow done");
    } else if (request.url === "/api/health/ready") {
      response.statusCode = isDraining() ? 503 : 200;
      response.end();
    } else response.end("ok");
  },
});
