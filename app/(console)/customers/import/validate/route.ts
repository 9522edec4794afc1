import { consoleJson } from "@/lib/transport/console-route";
import { uploadedImport } from "@/lib/customer-import/upload";

/** Import from CSV › upload: the file as the body, the mapping (when the user changed it) in the query. */
export async function POST(request: Request) {
  return consoleJson(request, (ctx, params) => uploadedImport(ctx, request, params));
}
