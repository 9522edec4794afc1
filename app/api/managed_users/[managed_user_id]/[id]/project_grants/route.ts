import { apiRoute } from "@/lib/transport/api-route";
import { listProjectGrantsAsPrintedEndpoint } from "@/lib/api/endpoints/project-grants";

/** The list of a project's grants at the path the seed prints (decision D5); projects/[id]/project_grants is the same. */
export const GET = apiRoute(listProjectGrantsAsPrintedEndpoint);
