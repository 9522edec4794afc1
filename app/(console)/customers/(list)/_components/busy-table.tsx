"use client";

import { Table, type TableProps } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { useCustomersUrlState } from "./customers-url-state";

/** The table element, marked busy (and dimmed) while the server renders the view the URL now asks for. */
export function BusyTable({ className, ...props }: TableProps) {
  const { pending } = useCustomersUrlState();
  return <Table aria-busy={pending} className={cn(pending && "[&_tbody]:opacity-60", className)} {...props} />;
}
