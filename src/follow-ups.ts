// What follows committed changes, from the one place every caller (the admin API, the scheduler, the
// fixtures) hands its change reports to: the edge cache is purged of exactly what they touched, then the
// WebSub hub is pinged (through the queue) for each feed they altered, so it fetches the new feed and not a
// stale copy. Each follow-up runs after the response, in waitUntil; none can fail or slow the write.
import type { Bindings } from "./env.ts";
import type { ChangeReport, CurationReport } from "./domain/change.ts";
import { configuredCache } from "./cache/configured.ts";
import { type PurgePlan, schedulePurge } from "./cache/purge.ts";
import { enqueuePurge } from "./cache/purge-queue.ts";
import { curationTagsOf, imageTag, purgeTagsOf } from "./cache/tags.ts";
import { configuredHub } from "./websub/hub.ts";
import { type PingPlan, feedsChangedBy, schedulePings } from "./websub/pings.ts";

export type FollowUps = { purge: PurgePlan; pings: PingPlan };

/** The execution context of a request or a cron run: what follow-ups wait on. */
export type WaitsUntil = { waitUntil(promise: Promise<unknown>): void };

/**
 * Purges `tags` after the response; what still fails after the quick retries goes to the purge queue, which
 * merges it with the others waiting and retries with backoff (Cloudflare rate-limits tag purges).
 */
export function purgeTags(env: Bindings, ctx: WaitsUntil, tags: readonly string[] | "everything", started = (p: Promise<unknown>) => ctx.waitUntil(p)): PurgePlan {
  return schedulePurge(configuredCache(env, ctx), tags, started, (failed) => enqueuePurge(env.PURGES, failed));
}

/** The purge of `tags`, then (once it has settled) the pings of the feeds `reports` altered. */
function follow(env: Bindings, ctx: WaitsUntil, tags: string[], reports: readonly (ChangeReport | CurationReport)[]): FollowUps {
  let purged: Promise<unknown> = Promise.resolve();
  const purge = purgeTags(env, ctx, tags, (p) => {
    purged = p;
    ctx.waitUntil(p);
  });
  const hub = configuredHub(env.WEBSUB_HUB);
  const pings = schedulePings(env.WEBSUB_PINGS, hub, hub ? feedsChangedBy(reports, env.SITE_URL) : [], purged, (p) => ctx.waitUntil(p));
  return { purge, pings };
}

export function followChanges(env: Bindings, ctx: WaitsUntil, reports: readonly ChangeReport[]): FollowUps {
  return follow(env, ctx, purgeTagsOf(reports), reports);
}

/** What follows a change to slots or topics (an editor's, or the cron's expiry): the same purge, then pings. */
export function followCuration(env: Bindings, ctx: WaitsUntil, reports: readonly CurationReport[]): FollowUps {
  return follow(env, ctx, curationTagsOf(reports), reports);
}

/**
 * An image's stored alt text, caption or credit changed: the pages and feeds that print them change. Hubs are
 * not pinged (which feeds carry the image is known only to the cache's tags); subscribers see it at their next poll.
 */
export function followImageChange(env: Bindings, ctx: WaitsUntil, key: string): FollowUps {
  return {
    purge: purgeTags(env, ctx, [imageTag(key).toLowerCase()]),
    pings: { hub: configuredHub(env.WEBSUB_HUB), feeds: [] },
  };
}
