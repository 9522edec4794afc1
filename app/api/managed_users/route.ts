import { apiRoute } from "@/lib/transport/api-route";
import { createManagedUser, listManagedUsers } from "@/lib/api/endpoints/managed-users";

export const GET = apiRoute(listManagedUsers);
export const POST = apiRoute(createManagedUser);
