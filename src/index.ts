// The Worker: HTTP requests go to the Hono app; the cron trigger runs the scheduled jobs, and what they
// publish is followed up (purged from the edge cache, pinged to the WebSub hub) exactly as an editor's
// publish is; the queue handler delivers those pings, and retries the purges that failed.
import { app } from "./app.ts";
import { runScheduledJobs } from "./scheduler.ts";
import { followChanges, followCuration, purgeTags } from "./follow-ups.ts";
import { SEARCH_TAG } from "./cache/tags.ts";
import type { Bindings } from "./env.ts";
import { handleQueue } from "./websub/consumer.ts";
import { configuredCache } from "./cache/configured.ts";
import { PURGE_QUEUE, handlePurges } from "./cache/purge-queue.ts";
import { authLimits, signInConfig } from "./config.ts";

/** A failure window to prune by, or 0 (prune nothing) when its [var] is bad: that must not stop scheduled publishing. */
function windowMs(read: () => number): number {
  try {
    return read();
  } catch (err) {
    console.error("scheduler: not pruning failure counts:", err);
    return 0;
  }
}

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const { published, expired, indexed } = await runScheduledJobs(env.DB, {
      now: controller.scheduledTime,
      authWindowMs: windowMs(() => authLimits(env).windowMs),
      signInWindowMs: windowMs(() => signInConfig(env).limits.windowMs),
    });
    followChanges(env, ctx, published);
    followCuration(env, ctx, [expired]);
    // Articles the backlog just indexed are found from now on: cached searches that missed them must go.
    if (indexed > 0) purgeTags(env, ctx, [SEARCH_TAG]);
  },
  async queue(batch, env, ctx) {
    if (batch.queue === PURGE_QUEUE) return handlePurges(batch, configuredCache(env, ctx));
    await handleQueue(batch, env.DB);
  },
} satisfies ExportedHandler<Bindings>;
