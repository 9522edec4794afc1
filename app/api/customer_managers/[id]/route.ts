import { apiRoute } from "@/lib/transport/api-route";
import { deleteCustomerManagerEndpoint, updateCustomerManagerEndpoint } from "@/lib/api/endpoints/customer-managers";

export const PUT = apiRoute(updateCustomerManagerEndpoint);
export const DELETE = apiRoute(deleteCustomerManagerEndpoint);
