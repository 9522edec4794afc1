import { apiRoute } from "@/lib/transport/api-route";
import { createCustomerImport } from "@/lib/api/endpoints/customer-imports";

export const POST = apiRoute(createCustomerImport);
