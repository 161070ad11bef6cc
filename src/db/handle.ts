// What the data functions share about D1 results: the rows of a batch's statements. The handle they take is
// the domain's Db (src/domain/db.ts); D1's own failures are told apart in d1-errors.ts.

/** The rows of one statement of a batch. db.batch types all results alike, so each is typed here. */
export const rowsOf = <T>(result: D1Result<unknown> | undefined): T[] => (result?.results ?? []) as T[];

/** The first row of a statement run with all(): unlike first(), all() reports the rows D1 read (the meter counts them). */
export const firstRowOf = async <T>(statement: D1PreparedStatement): Promise<T | undefined> => (await statement.all<T>()).results[0];
