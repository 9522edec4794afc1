import { consoleJson } from "@/lib/actions/console-route";
import { recordIdOf } from "@/lib/actions/record-id";
import { getCustomerManager } from "@/lib/customer-managers/list";
import { notFound } from "@/lib/errors";

/** One manager with every chosen customer (what **Edit customer manager** starts from). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = recordIdOf((await params).id);
  return consoleJson(request, async (ctx) => {
    if (id === null) throw notFound("Customer manager");
    return getCustomerManager(ctx, id);
  });
}
