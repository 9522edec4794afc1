import "server-only";
import { notFound } from "next/navigation";
import { requireConsolePage, type ConsoleContext } from "@/lib/auth/session";
import { parseRecordId } from "@/lib/ids";
import { DomainError } from "@/lib/errors";

export type CustomerRouteParams = Promise<{ id: string }>;

/**
 * What every customer page does first: the console session (or a redirect), the numeric ID from the URL
 * (rule U26), and the read through lib/. A malformed ID, an unknown one and another partner's (decision D8) all
 * end on the same 404 page.
 */
export async function readCustomerPage<T>(
  params: CustomerRouteParams,
  read: (ctx: ConsoleContext, customerId: number) => Promise<T>,
): Promise<{ ctx: ConsoleContext; customerId: number; data: T }> {
  const ctx = await requireConsolePage();
  const customerId = parseRecordId((await params).id);
  if (customerId === null) notFound();
  try {
    return { ctx, customerId, data: await read(ctx, customerId) };
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
