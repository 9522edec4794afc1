import { afterEach, describe, expect, it } from "vitest";
import * as roles from "@/app/api/roles/route";
import { createApiClient } from "@/lib/api-clients/commands";
import { createApiClientSchema } from "@/lib/api-clients/input";
import { setClockOffset } from "@/lib/clock";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { adminContext, createPartner } from "@/tests/support/factories";

const DAY_MS = 24 * 60 * 60 * 1000;

afterEach(() => {
  setClockOffset(0);
  delete process.env.ENABLE_TEST_CLOCK;
});

/** What a refused call shows: status, body and the headers a client could tell two refusals apart by. */
async function refusal(token: string) {
  const response = await call(roles.GET, "GET", { token });
  const headers = Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== "date"));
  return { status: response.status, body: response.body, headers };
}

describe("API tokens that expire (rule A1)", () => {
  it("work until their expiry, then answer exactly like an unknown token", async () => {
    process.env.ENABLE_TEST_CLOCK = "1";
    const { partner, admin } = await createPartner(getDatabase());
    const ctx = adminContext(partner, admin);
    const input = createApiClientSchema.parse({ name: "Expires in 30 days", scopes: ["roles:read"], environmentTypes: ["production"], expiresInDays: 30 });
    const { client, token } = await createApiClient(ctx, input);
    expect(new Date(client.expiresAt!).getTime() - ctx.now.getTime()).toBe(30 * DAY_MS);

    setClockOffset(29 * DAY_MS);
    expect((await call(roles.GET, "GET", { token })).status).toBe(200);

    setClockOffset(30 * DAY_MS + 1000);
    const expired = await refusal(token);
    expect(expired.status).toBe(401);
    // Same prefix and length as a real token, so only its being unknown differs.
    const unknown = await refusal(`pcak_${"A".repeat(43)}`);
    expect(expired).toEqual(unknown);
  });

  it("never expire when created without an expiry", async () => {
    process.env.ENABLE_TEST_CLOCK = "1";
    const { partner, admin } = await createPartner(getDatabase());
    const token = await apiToken(partner, admin);
    setClockOffset(3650 * DAY_MS);
    expect((await call(roles.GET, "GET", { token })).status).toBe(200);
  });
});
