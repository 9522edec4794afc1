import { NotFoundContent } from "@/components/not-found-content";

/** `notFound()` from a workspace page: shown in the workspace's own `<main>` (one main landmark, not two). */
export default function WorkspaceNotFound() {
  return <NotFoundContent />;
}
