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

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const authWindowMs = Number(env.AUTH_WINDOW_SECONDS) * 1000;
    const signInWindowMs = Number(env.SIGN_IN_WINDOW_SECONDS) * 1000;
    const { published, expired, indexed } = await runScheduledJobs(env.DB, {
      now: controller.scheduledTime,
      authWindowMs: Number.isFinite(authWindowMs) ? authWindowMs : 0,
      signInWindowMs: Number.isFinite(signInWindowMs) ? signInWindowMs : 0,
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
