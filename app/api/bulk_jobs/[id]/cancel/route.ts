import { apiRoute } from "@/lib/transport/api-route";
import { cancelBulkJobEndpoint } from "@/lib/api/endpoints/bulk-jobs";

export const POST = apiRoute(cancelBulkJobEndpoint);
