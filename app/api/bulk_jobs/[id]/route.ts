import { apiRoute } from "@/lib/transport/api-route";
import { getBulkJobEndpoint } from "@/lib/api/endpoints/bulk-jobs";

export const GET = apiRoute(getBulkJobEndpoint);
