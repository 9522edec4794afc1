import { TablePageSkeleton } from "@/components/shell/table-page-skeleton";

// Its own boundary, not one around the whole console: a page that answers 404 must not have started streaming.
export default function Loading() {
  return <TablePageSkeleton />;
}
