/** How many items a page of every list endpoint holds: `?limit=` up to the max, else the default. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
