import { consoleJson } from "@/lib/transport/console-route";
import { parseRecordId } from "@/lib/ids";
import { getCustomerManager } from "@/lib/customer-managers/list";
import { notFound } from "@/lib/errors";

/** One manager with every chosen customer (what **Edit customer manager** starts from). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  return consoleJson(request, async (ctx) => {
    if (id === null) throw notFound("Customer manager");
    return getCustomerManager(ctx, id);
  });
}
