// The cron trigger's jobs, every minute: publish scheduled articles that are due (through the same
// path as a manual publish), and forget what is no longer needed: failed-authentication counts from
// windows long past, and Idempotency-Key answers older than a day.
import type { Bindings } from "./env.ts";
import { pruneAuthFailures } from "./db/keys.ts";
import { IDEMPOTENCY_TTL_MS, pruneIdempotency } from "./db/idempotency.ts";
import { type ChangeReport, publishDueArticles } from "./publish/changes.ts";

export async function runScheduledPublishing(env: Bindings, now: number): Promise<ChangeReport[]> {
  const windowMs = Number(env.AUTH_WINDOW_SECONDS) * 1000;
  const [published] = await Promise.all([
    publishDueArticles(env.DB, now),
    Number.isFinite(windowMs) && windowMs > 0 ? pruneAuthFailures(env.DB, now - 2 * windowMs) : Promise.resolve(),
    pruneIdempotency(env.DB, now - IDEMPOTENCY_TTL_MS),
  ]);
  if (published.length) console.log(`scheduler: published ${published.map((r) => r.article.id).join(", ")}`);
  return published;
}
