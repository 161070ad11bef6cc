// What follows committed changes, from the one place every caller (the admin API, the scheduler, the
// fixtures) hands its change reports to: the edge cache is purged of exactly what they touched. Each
// follow-up runs after the response, in waitUntil; none can fail or slow the write.
import type { Bindings } from "./env.ts";
import type { ChangeReport } from "./domain/change.ts";
import { configuredCache } from "./cache/configured.ts";
import { type PurgePlan, schedulePurge } from "./cache/purge.ts";
import { imageTag, purgeTagsOf } from "./cache/tags.ts";

export type FollowUps = { purge: PurgePlan };

/** The execution context of a request or a cron run: what follow-ups wait on. */
export type WaitsUntil = { waitUntil(promise: Promise<unknown>): void };

export function followChanges(env: Bindings, ctx: WaitsUntil, reports: readonly ChangeReport[]): FollowUps {
  const cache = configuredCache(env, ctx);
  return { purge: schedulePurge(cache, purgeTagsOf(reports), (p) => ctx.waitUntil(p)) };
}

/** An image's stored alt text, caption or credit changed: the pages whose cover figure prints them change. */
export function followImageChange(env: Bindings, ctx: WaitsUntil, key: string): FollowUps {
  const cache = configuredCache(env, ctx);
  return { purge: schedulePurge(cache, [imageTag(key).toLowerCase()], (p) => ctx.waitUntil(p)) };
}
