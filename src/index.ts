// The Worker: HTTP requests go to the Hono app; the cron trigger runs the scheduled jobs, and what they
// publish is followed up (purged from the edge cache, pinged to the WebSub hub) exactly as an editor's
// publish is; the queue handler delivers those pings.
import { app } from "./app.ts";
import { runScheduledJobs } from "./scheduler.ts";
import { followChanges } from "./follow-ups.ts";
import type { Bindings } from "./env.ts";
import { handleQueue } from "./websub/consumer.ts";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const authWindowMs = Number(env.AUTH_WINDOW_SECONDS) * 1000;
    const published = await runScheduledJobs(env.DB, {
      now: controller.scheduledTime,
      authWindowMs: Number.isFinite(authWindowMs) ? authWindowMs : 0,
    });
    followChanges(env, ctx, published);
  },
  async queue(batch, env, _ctx) {
    await handleQueue(batch, env.DB);
  },
} satisfies ExportedHandler<Bindings>;
