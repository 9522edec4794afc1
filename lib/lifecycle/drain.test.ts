/**
 * Graceful shutdown of a real server process: a slow request started before SIGTERM completes; the readiness check
 * answers 503 meanwhile (the balancer takes the instance out), a new connection is refused, the shutdown hooks run
 * after the last response, and the process exits 0. Each request carries an X-Request-Id and has its JSON log line.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "@/tests/support/child-process";

const PORT = 3190 + (process.pid % 9);

async function untilListening(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

describe("an instance on SIGTERM", () => {
  it("finishes the request in flight, answers not ready, refuses new connections, then stops", { timeout: 60_000 }, async () => {
    const child = runScript("tests/support/drain-server.ts", { PORT: String(PORT), SLOW_MS: "1500", SHUTDOWN_TIMEOUT_MS: "10000" });
    const base = `http://127.0.0.1:${PORT}`;
    await untilListening(`${base}/`);
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const slow = fetch(`${base}/slow`, { headers: { "x-request-id": "given-request-id-1" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A new connection is refused while the slow request is still running.
    const after = await fetch(`${base}/api/health/ready`).then(
      (response) => response.status,
      (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.message,
    );
    expect(after).toBe("ECONNREFUSED");

    const answered = await slow;
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe("slow done");
    expect(answered.headers.get("x-request-id")).toBe("given-request-id-1");

    const { code, stdout } = await child.exited;
    expect(code, stdout).toBe(0);
    // In the order they happened: pino's request line and the shutdown lines may reach stdout out of order.
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .sort((a, b) => Date.parse(String(a.time)) - Date.parse(String(b.time)));
    const slowLine = lines.find((line) => line.msg === "request" && line.route === "/slow");
    expect(slowLine).toMatchObject({ requestId: "given-request-id-1", method: "GET", status: 200, partnerId: null, instance: expect.any(String) });
    expect(slowLine!.durationMs).toBeGreaterThanOrEqual(1400);
    expect(typeof slowLine!.time).toBe("string");
    // The hooks (job worker, pools) ran after the slow response was logged.
    const order = lines.map((line) => line.msg);
    expect(order.indexOf("hook ran"), stdout).toBeGreaterThan(lines.indexOf(slowLine!));
    expect(order.at(-1)).toBe("stopped");
  });
});
