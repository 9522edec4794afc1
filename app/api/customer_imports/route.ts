import { apiRoute } from "@/lib/api/route";
import { createCustomerImport } from "@/lib/api/endpoints/customer-imports";

export const POST = apiRoute(createCustomerImport);
