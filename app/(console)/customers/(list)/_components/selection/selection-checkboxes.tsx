"use client";

import * as React from "react";
import { useCustomerSelection } from "./customer-selection";

/*
 * Native checkboxes, not the Radix one: one per row on the page's first load, whose script is held under its
 * budget (README, Performance); Space toggles them and they carry their state to assistive technology as they are.
 */
const BOX = "size-4 cursor-pointer rounded-[4px] accent-primary align-middle";

/** The header's checkbox: every row of this page, or none ("mixed" while some are). */
export function SelectPageCheckbox() {
  const selection = useCustomerSelection();
  const ref = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.pageState === "indeterminate";
  }, [selection.pageState]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={BOX}
      aria-label="Select all customers on this page"
      checked={selection.pageState === true}
      onChange={(event) => selection.togglePage(event.target.checked)}
    />
  );
}

/** One row's checkbox, named after its customer. */
export function SelectRowCheckbox({ id, name }: { id: string; name: string }) {
  const selection = useCustomerSelection();
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={`Select ${name}`}
      checked={selection.isSelected(id)}
      onChange={(event) => selection.toggleRow(id, event.target.checked)}
    />
  );
}
