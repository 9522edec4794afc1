import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/errors";

/** For pages: a NOT_FOUND from the data-access layer becomes the 404 page (another partner's record included). */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
