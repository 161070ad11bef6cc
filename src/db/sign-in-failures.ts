// Sign-in attempts per account and per client, in fixed windows. An attempt is counted before its password
// or passkey is checked, in the same round trip that looks the account up, and taken back if it succeeds:
// so however many guesses arrive at once, each sees its own place in line, and no more than the limit are
// ever checked. (Checking happens in the Worker, after the round trip, which is why it cannot be the other
// way round as for keys, whose check is a hash lookup inside the same statement.)
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";

export type Counted = { failures: number[]; lookups: D1Result<unknown>[] };

/**
 * Counts this attempt against each subject (`account:<login>`, `client:<address>`) in the window starting at
 * `windowStart`, forgetting the subjects' older windows, and runs `lookups` in the same batch. `failures`
 * follows `subjects`' order and includes this attempt; `lookups` holds the lookups' results in their order.
 */
export async function countAttempt(db: Db, subjects: readonly string[], windowStart: number, lookups: D1PreparedStatement[] = []): Promise<Counted> {
  const statements = subjects.flatMap((subject) => [
    db.prepare(`DELETE FROM sign_in_failures WHERE subject = ? AND window_start < ?`).bind(subject, windowStart),
    db
      .prepare(
        `INSERT INTO sign_in_failures (subject, window_start, failures) VALUES (?, ?, 1)
         ON CONFLICT (subject, window_start) DO UPDATE SET failures = failures + 1 RETURNING failures`,
      )
      .bind(subject, windowStart),
  ]);
  const results = await db.batch<unknown>([...statements, ...lookups]);
  return {
    failures: subjects.map((_, i) => rowsOf<{ failures: number }>(results[2 * i + 1])[0]?.failures ?? 0),
    lookups: results.slice(statements.length),
  };
}

/** Takes a successful attempt back off each subject's count, for the success's own batch. */
export const uncountStatements = (db: Db, subjects: readonly string[], windowStart: number) =>
  subjects.map((subject) =>
    db
      .prepare(`UPDATE sign_in_failures SET failures = failures - 1 WHERE subject = ? AND window_start = ? AND failures > 0`)
      .bind(subject, windowStart),
  );

/** Drops windows that ended before `before`. For the cron. */
export async function pruneSignInFailures(db: Db, before: number): Promise<void> {
  await db.prepare(`DELETE FROM sign_in_failures WHERE window_start < ?`).bind(before).run();
}
