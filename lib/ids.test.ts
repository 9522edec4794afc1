/**
 * One rule for record IDs at every door. Before it, four parsers disagreed: "0x1F" named record 31 through the
 * pages' and lookups' parser (and the coercing schemas of switching, the audit filters and Settings › Subscription)
 * and nothing through the API's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { idSchema, pathIdSchema } from "@/lib/api/schemas";
import { auditFilterSchema } from "@/lib/audit/filters";
import { parseCustomerQuery } from "@/lib/customers/query-input";
import { changePlanInput } from "@/lib/customers/settings-schema";
import { switchAccountSchema } from "@/lib/workspace-access/switch-schema";
import { recordIdNumber, recordIdNumberOrText, recordIdText } from "./id-schemas";
import { isRecordId, MAX_RECORD_ID, parseRecordId } from "./ids";

/** Text no door may read as an ID: signs, leading zeros, spaces, exponents, hexadecimal, beyond `integer`. */
const NOT_IDS = ["0", "-1", "+1", "01", "1.5", "1e3", " 1", "1 ", "0x1F", "0b1", "abc", "", "2147483648", "99999999999", "A2300", "1_000", "١٢"];

describe("the customer ID in the URL (rule U26)", () => {
  it("is a positive integer written plainly", () => {
    expect(parseRecordId("1")).toBe(1);
    expect(parseRecordId("4676")).toBe(4676);
    expect(parseRecordId("2147483647")).toBe(2_147_483_647);
  });
  it.each(["0", "-1", "01", "1.5", "1e3", " 1", "abc", "", "2147483648", "99999999999", "A2300"])("refuses %j", (raw) => {
    expect(parseRecordId(raw)).toBeNull();
  });
});

describe("record IDs (lib/ids.ts)", () => {
  it("ends at PostgreSQL's largest integer", () => {
    expect(MAX_RECORD_ID).toBe(2 ** 31 - 1);
    expect(isRecordId(MAX_RECORD_ID)).toBe(true);
    expect(isRecordId(MAX_RECORD_ID + 1)).toBe(false);
    expect([0, -1, 1.5, Number.NaN, Infinity].map(isRecordId)).toEqual([false, false, false, false, false]);
  });

  it.each(NOT_IDS)("no schema reads %j as an ID", (text) => {
    expect(parseRecordId(text)).toBeNull();
    expect(recordIdText().safeParse(text).success).toBe(false);
    expect(recordIdNumberOrText().safeParse(text).success).toBe(false);
  });

  it("takes a number or a string of digits where the API does (rule A8), the same number either way", () => {
    expect(recordIdNumberOrText().parse(31)).toBe(31);
    expect(recordIdNumberOrText().parse("31")).toBe(31);
    expect(recordIdText().parse("31")).toBe(31);
    expect(recordIdNumber().safeParse("31").success).toBe(false);
    for (const n of [0, -1, 1.5, MAX_RECORD_ID + 1]) expect(recordIdNumberOrText().safeParse(n).success).toBe(false);
  });

  it("carries the caller's message", () => {
    const result = recordIdNumberOrText("Choose a plan.").safeParse("0x1F");
    expect(result.success ? null : result.error.issues.map((issue) => issue.message)).toEqual(["Choose a plan."]);
  });

  it('refuses "0x1F" at every door that reads IDs from text', () => {
    expect(idSchema.safeParse("0x1F").success).toBe(false);
    expect(pathIdSchema.safeParse("0x1F").success).toBe(false);
    expect(switchAccountSchema.safeParse({ customerId: "0x1F" }).success).toBe(false);
    expect(changePlanInput.safeParse({ customerId: 1, planId: "0x1F" }).success).toBe(false);
    expect(auditFilterSchema.parse({ customer: "0x1F", person: "0x1F" })).toMatchObject({ customer: undefined, person: undefined });
    expect(parseCustomerQuery({ app: "0x1F", plans: ["0x1F"] })).toMatchObject({ app: null, plans: [] });
    // And reads the same ID written plainly.
    expect(switchAccountSchema.parse({ customerId: "31" }).customerId).toBe(31);
    expect(auditFilterSchema.parse({ customer: "31" }).customer).toBe(31);
    expect(parseCustomerQuery({ app: "31", plans: ["31", "32"] })).toMatchObject({ app: 31, plans: [31, 32] });
  });

  it("imports nothing, so that the browser's URL parsers do not bring zod into the Customers page", () => {
    expect(readFileSync(new URL("./ids.ts", import.meta.url), "utf8")).not.toMatch(/^import /m);
  });
});
