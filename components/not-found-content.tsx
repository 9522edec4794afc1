import Link from "next/link";
import { ArrowLeft, FileQuestion } from "lucide-react";

import { Button } from "@/components/ui/button";

/**
 * What every 404 says, without a landmark of its own: inside the console or the workspace it is rendered in their
 * `<main>`, and only the root not-found page wraps it in one. The `<title>` is rendered here (React puts it in the
 * head) because a page that calls `notFound()` while its metadata streams ends up with no title at all.
 */
export function NotFoundContent({ className }: { className?: string }) {
  return (
    <div className={className ?? "flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 py-16 text-center"}>
      <title>Page not found · Partner console</title>
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <FileQuestion className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-sm text-muted-foreground">
          This page does not exist, or you do not have access to it. Check the address, or go back to your customers.
        </p>
      </div>
      <Button asChild className="mt-2">
        <Link href="/customers">
          <ArrowLeft aria-hidden="true" />
          Back to Customers
        </Link>
      </Button>
    </div>
  );
}
