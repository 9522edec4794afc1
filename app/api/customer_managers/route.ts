import { apiRoute } from "@/lib/transport/api-route";
import { createCustomerManagerEndpoint, listCustomerManagersEndpoint } from "@/lib/api/endpoints/customer-managers";

export const GET = apiRoute(listCustomerManagersEndpoint);
export const POST = apiRoute(createCustomerManagerEndpoint);
