import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { csvLine } from "@/lib/csv";
import { customerCsvLines } from "./export";
import { DEFAULT_CUSTOMER_QUERY } from "@/lib/customers/query-input";

describe("Export CSV", () => {
  it("quotes what needs quoting and never lets a cell start a formula", () => {
    expect(csvLine(['Acme, "Inc"', "=HYPERLINK(1)", null, "two\nlines"])).toBe('"Acme, ""Inc""",\'=HYPERLINK(1),,"two\nlines"\r\n');
  });

  it("streams every row of the filtered, sorted view, all pages, for this partner only", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const other = await createPartner(db);
    for (let index = 0; index < 30; index++) {
      await createCustomer(db, partner.id, index % 2 ? plans.growth.id : plans.starter.id, { name: `Export ${String(index).padStart(2, "0")}` });
    }
    await createCustomer(db, other.partner.id, other.plans.growth.id, { name: "Export foreign" });
    const lines: string[] = [];
    const query = { ...DEFAULT_CUSTOMER_QUERY, q: "export", plans: [plans.growth.id], sort: "name" as const, dir: "desc" as const };
    for await (const chunk of customerCsvLines(adminContext(partner, admin), query)) lines.push(...chunk.split("\r\n").filter(Boolean));
    expect(lines[0]).toBe("ID,Customer,External ID,Plan,Status,Joined,Tasks used,Task limit,Connections,Connection limit,Connected apps");
    const names = lines.slice(1).map((line) => line.split(",")[1]);
    expect(names).toEqual(Array.from({ length: 15 }, (_, index) => `Export ${String(29 - index * 2).padStart(2, "0")}`));
  });
});
