import type { Metadata } from "next";
import Link from "next/link";
import { requireConsolePage } from "@/lib/auth/session";
import { permits } from "@/lib/authorization/authorize";
import { MAX_IMPORT_MEGABYTES } from "@/lib/customer-import/limits";
import { ImportWizard } from "./_components/import-wizard";

export const metadata: Metadata = { title: "Import customers from CSV" };

/** + Add customer › Import from CSV: upload, columns and preview, the rows in error, then the import as a bulk job. */
export default async function ImportCustomersPage() {
  const ctx = await requireConsolePage();
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/customers" className="text-muted-foreground hover:underline">
            Customers
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Import customers from CSV</h1>
        <p className="text-sm text-muted-foreground">
          {`One row per customer, matched by external ID: a new one is added, a known one updated (an empty cell leaves that field as it is). UTF-8, up to ${MAX_IMPORT_MEGABYTES} MB. Every row is checked before anything is written.`}
        </p>
      </div>
      {permits(ctx, "customer_imports.write") ? (
        <ImportWizard />
      ) : (
        <p role="alert" className="text-sm">
          Only partner admins can import customers.
        </p>
      )}
    </div>
  );
}
