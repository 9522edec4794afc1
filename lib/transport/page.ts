import "server-only";
import { notFound as notFoundPage } from "next/navigation";
import { DomainError } from "@/lib/errors";

/**
 * The page adapter's one translation: a read's NOT_FOUND becomes the 404 page (another partner's record included).
 * Pages authenticate with `requireConsolePage` / `requireWorkspacePage`; the reads they call authorize.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    return pageFailure(error);
  }
}

/** NOT_FOUND is the 404 page (another partner's record included); anything else goes to the error boundary. */
export function pageFailure(error: unknown): never {
  if (error instanceof DomainError && error.code === "NOT_FOUND") notFoundPage();
  throw error;
}
