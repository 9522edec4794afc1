/**
 * The import's limits, documented in the README (Customers › Import from CSV). Safe to import in the browser: the
 * upload form refuses a file past the size limit before sending it.
 */

/** 20 MB: about 150,000 rows of a typical export. A larger file is refused before it is read whole. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

/** Rows of data (the header aside) one import may hold. */
export const MAX_IMPORT_ROWS = 200_000;

/** How many rows the mapping step shows. */
export const PREVIEW_ROWS = 5;

/** How many rows in error the answer lists; the error file has all of them. */
export const LISTED_ERRORS = 100;

export const TOO_LARGE_MESSAGE = `This file is larger than ${MAX_IMPORT_MEGABYTES} MB, the most one import takes. Split it into several files.`;
