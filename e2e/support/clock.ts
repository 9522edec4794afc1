import type { APIRequestContext } from "@playwright/test";

/** Moves the test server's clock by `offsetMs` from real time (0 puts it back). */
export async function setServerClock(request: APIRequestContext, offsetMs: number): Promise<void> {
  const response = await request.post("/api/test/clock", { data: { offsetMs } });
  if (!response.ok()) throw new Error(`moving the test clock failed: ${response.status()}`);
}

export const DAY_MS = 86_400_000;
