"use client";

import { Button } from "@/components/ui/button";
import { useCustomersUrlState } from "./customers-url-state";

/** The empty view's way out: back to every customer. */
export function ClearFiltersButton() {
  const { clearFilters } = useCustomersUrlState();
  return <Button onClick={clearFilters}>Clear filters</Button>;
}
