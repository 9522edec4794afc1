import { NotFoundContent } from "@/components/not-found-content";

/** An address that matches no route: no console frame around it, so the page is its own `<main>`. */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundContent />
    </main>
  );
}
