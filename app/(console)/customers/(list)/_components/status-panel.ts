/** The element the status tabs control (the table or its empty state), and each tab's id, for aria-controls/labelledby. */
export const STATUS_PANEL_ID = "customers-status-panel";
export const statusTabId = (status: string) => `customers-status-${status}`;
