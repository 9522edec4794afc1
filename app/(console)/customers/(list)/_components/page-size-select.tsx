"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PAGE_SIZES, type PageSize } from "@/lib/customers/view-options";
import { FIRST_PAGE } from "../search-params";
import { useCustomersUrlState } from "./customers-url-state";
import { PAGE_SIZE_TRIGGER } from "./page-size-trigger";

/** Rows per page: loaded when first opened (see CustomersPagination), so it opens itself. */
export function PageSizeSelect() {
  const { state, setState } = useCustomersUrlState();
  return (
    <Select defaultOpen value={String(state.size)} onValueChange={(value) => setState({ size: Number(value) as PageSize, ...FIRST_PAGE })}>
      <SelectTrigger {...PAGE_SIZE_TRIGGER}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {PAGE_SIZES.map((option) => (
          <SelectItem key={option} value={String(option)}>
            {option}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
