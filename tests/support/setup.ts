import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_EMBEDDED = inject("embedded") ? "1" : "0";

// Hand the (single, on the embedded database) connection back before the next test file starts.
afterAll(async () => {
  const holder = globalThis as unknown as { partnerConsoleDb?: { close(): Promise<void> } };
  await holder.partnerConsoleDb?.close();
  holder.partnerConsoleDb = undefined;
});
