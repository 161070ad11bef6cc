// The cron trigger's jobs, every minute: publish scheduled articles that are due (through the same
// path as a manual publish), take expired items out of the front page's slots (reported like any change, so
// their pages are purged), index a batch of the search backlog, and forget what is no longer needed: failed-authentication counts from
// windows long past, Idempotency-Key answers older than a day, registrations of cached pages that
// have expired, sign-in's leftovers (failure counts, unanswered challenges, old sessions and links), and
// editors' heartbeats that no longer count.
import { pruneAuthFailures } from "./db/keys.ts";
import { IDEMPOTENCY_TTL_MS, pruneIdempotency } from "./db/idempotency.ts";
import { pruneCacheRegistry } from "./db/cache-registry.ts";
import type { ChangeReport, CurationReport } from "./domain/change.ts";
import { SCHEDULER } from "./domain/actor.ts";
import { expireSlotItems } from "./db/slots.ts";
import { publishDueArticles } from "./publish/changes.ts";
import { indexBacklog } from "./publish/reindex.ts";
import { pruneSignInFailures } from "./db/sign-in-failures.ts";
import { pruneChallenges } from "./db/webauthn-challenges.ts";
import { pruneSessions } from "./db/sessions.ts";
import { pruneLinks } from "./db/staff-links.ts";
import { prunePresence } from "./db/presence.ts";
import { PRESENCE_TTL_MS } from "./domain/presence.ts";

/** Ended sessions and used links stay this long (a person's list shows only live ones; the audit log keeps the rest). */
const SIGN_IN_LEFTOVERS_MS = 30 * 24 * 60 * 60 * 1000;

/** What a run changed that readers see: the articles it published, the slots it emptied, how many the backlog indexed. */
export type ScheduledRun = { published: ChangeReport[]; expired: CurationReport; indexed: number };

export async function runScheduledJobs(
  db: D1Database,
  opts: { now: number; authWindowMs: number; signInWindowMs: number },
): Promise<ScheduledRun> {
  const [published, expired, , , indexed] = await Promise.all([
    publishDueArticles(db, opts.now),
    // By the run's time: an item leaves at its time, and a late run catches up on everything due by then.
    expireSlotItems(db, opts.now, SCHEDULER),
    opts.authWindowMs > 0 ? pruneAuthFailures(db, opts.now - 2 * opts.authWindowMs) : Promise.resolve(),
    pruneIdempotency(db, opts.now - IDEMPOTENCY_TTL_MS),
    indexBacklog(db),
    // By the real clock, not the run's nominal time: the registry mirrors cached copies, which expire in
    // real time. A purge only matters to pages whose render began before it: an hour is longer than any.
    pruneCacheRegistry(db, Date.now(), 60 * 60 * 1000),
    opts.signInWindowMs > 0 ? pruneSignInFailures(db, opts.now - 2 * opts.signInWindowMs) : Promise.resolve(),
    pruneChallenges(db, opts.now),
    pruneSessions(db, opts.now - SIGN_IN_LEFTOVERS_MS),
    pruneLinks(db, opts.now - SIGN_IN_LEFTOVERS_MS),
    // Heartbeats older than the TTL no longer count; the rows of editors long closed go.
    prunePresence(db, opts.now - PRESENCE_TTL_MS),
  ]);
  if (published.length) console.log(`scheduler: published ${published.map((r) => r.article.id).join(", ")}`);
  if (expired.length) console.log(`scheduler: expired items left slots ${expired.join(", ")}`);
  return { published, expired: { changed: expired.length > 0, slots: expired, topics: [], articles: [], slotSet: false }, indexed };
}
