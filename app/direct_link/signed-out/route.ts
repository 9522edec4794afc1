import { plainPage } from "@/lib/embedding/plain-page";

/** Where an embedded session lands after **Sign out**: inside the partner's iframe, so a page any origin may frame. */
export function GET(): Response {
  return plainPage(200, "You signed out", ["To come back, open the workspace again from the app you came from."]);
}
