import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { parseRecordId } from "@/lib/ids";
import { listManagedCustomers } from "@/lib/customer-managers/list";
import { notFound } from "@/lib/errors";

/** A manager's chosen customers, searched (the full list behind "+N more"). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  return consoleJson(request, async (ctx, search) => {
    if (id === null) throw notFound("Customer manager");
    return listManagedCustomers(ctx, id, { q: searchTerm(search) });
  });
}
