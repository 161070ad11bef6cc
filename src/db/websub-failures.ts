// WebSub pings given up on (migration 0007): written by the queue consumers, read by an operator.
import type { Db } from "../domain/db.ts";

export type WebsubFailure = { hub: string; feed: string; attempts: number; reason: string; enqueuedAt: number; failedAt: number };

/** Records failures in one round trip. */
export async function recordWebsubFailures(db: Db, failures: readonly WebsubFailure[]): Promise<void> {
  if (failures.length === 0) return;
  await db.batch(
    failures.map((f) =>
      db
        .prepare(`INSERT INTO websub_failures (hub, feed, attempts, reason, enqueued_at, failed_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .bind(f.hub, f.feed, f.attempts, f.reason, f.enqueuedAt, f.failedAt),
    ),
  );
}

/** The newest failures first, for tests and tools. */
export async function listWebsubFailures(db: Db, limit = 100): Promise<WebsubFailure[]> {
  const { results } = await db
    .prepare(`SELECT hub, feed, attempts, reason, enqueued_at, failed_at FROM websub_failures ORDER BY failed_at DESC, id DESC LIMIT ?`)
    .bind(limit)
    .all<{ hub: string; feed: string; attempts: number; reason: string; enqueued_at: number; failed_at: number }>();
  return results.map((r) => ({ hub: r.hub, feed: r.feed, attempts: r.attempts, reason: r.reason, enqueuedAt: r.enqueued_at, failedAt: r.failed_at }));
}
