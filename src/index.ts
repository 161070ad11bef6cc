// The Worker: HTTP requests go to the Hono app; the cron trigger runs the scheduled jobs, and what they
// publish is followed up (purged from the edge cache) exactly as an editor's publish is.
import { app } from "./app.ts";
import { runScheduledJobs } from "./scheduler.ts";
import { followChanges } from "./follow-ups.ts";
import type { Bindings } from "./env.ts";

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
} satisfies ExportedHandler<Bindings>;
