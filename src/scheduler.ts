// The cron trigger's jobs, every minute: publish scheduled articles that are due (through the same
// path as a manual publish), and forget what is no longer needed: failed-authentication counts from
// windows long past, and Idempotency-Key answers older than a day.
import { pruneAuthFailures } from "./db/keys.ts";
import { IDEMPOTENCY_TTL_MS, pruneIdempotency } from "./db/idempotency.ts";
import type { ChangeReport } from "./domain/change.ts";
import { publishDueArticles } from "./publish/changes.ts";

export async function runScheduledJobs(
  db: D1Database,
  opts: { now: number; authWindowMs: number },
): Promise<ChangeReport[]> {
  const [published] = await Promise.all([
    publishDueArticles(db, opts.now),
    opts.authWindowMs > 0 ? pruneAuthFailures(db, opts.now - 2 * opts.authWindowMs) : Promise.resolve(),
    pruneIdempotency(db, opts.now - IDEMPOTENCY_TTL_MS),
  ]);
  if (published.length) console.log(`scheduler: published ${published.map((r) => r.article.id).join(", ")}`);
  return published;
}
