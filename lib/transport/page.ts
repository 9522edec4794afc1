import "server-only";
import { pageFailure } from "./errors";

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
