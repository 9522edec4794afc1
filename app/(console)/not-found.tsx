import { NotFoundContent } from "@/components/not-found-content";

/** `notFound()` from a console page: shown in the console's own `<main>` (one main landmark, not two). */
export default function ConsoleNotFound() {
  return <NotFoundContent />;
}
