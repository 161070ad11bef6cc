// What the data functions share about D1 itself: telling D1 failing from a query of ours failing, and the
// rows of a batch's statements. The handle they take is the domain's Db (src/domain/db.ts).

/**
 * True for D1 itself failing (unreachable, overloaded, reset), as opposed to a query of ours being wrong:
 * readers then get a stale copy or a 503 with Retry-After, never a 500.
 */
export const isD1Unavailable = (err: unknown): boolean =>
  err instanceof Error && /D1/.test(err.message) && /network connection lost|overloaded|timed? ?out|reset|unavailable/i.test(err.message);

/** The rows of one statement of a batch. db.batch types all results alike, so each is typed here. */
export const rowsOf = <T>(result: D1Result<unknown> | undefined): T[] => (result?.results ?? []) as T[];

/** The first row of a statement run with all(): unlike first(), all() reports the rows D1 read (the meter counts them). */
export const firstRowOf = async <T>(statement: D1PreparedStatement): Promise<T | undefined> => (await statement.all<T>()).results[0];
