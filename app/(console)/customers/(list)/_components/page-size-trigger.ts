/**
 * The rows-per-page control's trigger, shared by the closed button (customers-pagination.tsx) and the Radix select
 * it becomes on first use (page-size-select.tsx), so that the swap keeps its id, name and size. In a file of its own
 * because the select is loaded lazily by the pagination: importing it from there made the two a cycle.
 */
export const PAGE_SIZE_TRIGGER = { id: "page-size", className: "h-8 w-20", "aria-label": "Rows per page" } as const;
