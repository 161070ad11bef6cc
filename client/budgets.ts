// How much JavaScript a desk page may load, gzipped: the build script prints each page against it and a test
// holds every page to it. One entry in client/pages/ is one page's script; what it imports counts too.

/** Issue 20: every desk page loads at most 30 KiB of gzipped JavaScript. */
export const DEFAULT_BUDGET_BYTES = 30 * 1024;

/** Pages allowed more than the default, by entry name (the editor of issue 21 will get 80 KiB). */
const BUDGET_BYTES: Readonly<Record<string, number>> = {};

export const budgetOf = (page: string): number => BUDGET_BYTES[page] ?? DEFAULT_BUDGET_BYTES;
