import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, FileQuestion } from "lucide-react";

import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <main
      id="main"
      className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 py-16 text-center"
    >
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
      >
        <FileQuestion className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-sm text-muted-foreground">
          This page does not exist, or you do not have access to it. Check the address, or go back to your
          customers.
        </p>
      </div>
      <Button asChild className="mt-2">
        <Link href="/customers">
          <ArrowLeft aria-hidden="true" />
          Back to Customers
        </Link>
      </Button>
    </main>
  );
}
