import { apiRoute } from "@/lib/transport/api-route";
import { deleteManagedUser, getManagedUser, updateManagedUser } from "@/lib/api/endpoints/managed-users";

export const GET = apiRoute(getManagedUser);
export const PUT = apiRoute(updateManagedUser);
export const DELETE = apiRoute(deleteManagedUser);
