/**
 * The choices a Customers view offers (sorts, page sizes, date presets, status tabs). No zod here: the browser
 * imports this, and the validation lives in query-input.ts on the server.
 */
export const CUSTOMER_STATUSES = ["active", "in_trial", "expired"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const SORT_KEYS = ["name", "joined", "tasks", "connections"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const JOINED_PRESETS = ["7d", "30d", "90d", "12m", "custom"] as const;
export type JoinedPreset = (typeof JOINED_PRESETS)[number];
export const STATUS_TABS = ["all", ...CUSTOMER_STATUSES] as const;
export type StatusTab = (typeof STATUS_TABS)[number];
