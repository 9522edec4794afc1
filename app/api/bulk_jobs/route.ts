import { apiRoute } from "@/lib/transport/api-route";
import { startBulkJobEndpoint } from "@/lib/api/endpoints/bulk-jobs";

export const POST = apiRoute(startBulkJobEndpoint);
