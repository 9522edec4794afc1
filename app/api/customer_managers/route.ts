import { apiRoute } from "@/lib/api/route";
import { createCustomerManagerEndpoint, listCustomerManagersEndpoint } from "@/lib/api/endpoints/customer-managers";

export const GET = apiRoute(listCustomerManagersEndpoint);
export const POST = apiRoute(createCustomerManagerEndpoint);
