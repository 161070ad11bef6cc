// What every data function takes: a D1 database or one of its sessions (read replicas), which answer
// prepare and batch alike. Only the routes decide which one a request uses.
export type Db = Pick<D1Database, "prepare" | "batch">;

/**
 * True for D1 itself failing (unreachable, overloaded, reset), as opposed to a query of ours being wrong:
 * readers then get a stale copy or a 503 with Retry-After, never a 500.
 */
export const isD1Unavailable = (err: unknown): boolean =>
  err instanceof Error && /D1/.test(err.message) && /network connection lost|overloaded|timed? ?out|reset|unavailable/i.test(err.message);

/** The rows of one statement of a batch. db.batch types all results alike, so each is typed here. */
export const rowsOf = <T>(result: D1Result<unknown> | undefined): T[] => (result?.results ?? []) as T[];
