import { apiRoute } from "@/lib/api/route";
import { getBulkJobEndpoint } from "@/lib/api/endpoints/bulk-jobs";

export const GET = apiRoute(getBulkJobEndpoint);
