// The Worker: HTTP requests go to the Hono app; the cron trigger runs the scheduled jobs.
import { app } from "./app.ts";
import { runScheduledJobs } from "./scheduler.ts";
import type { Bindings } from "./env.ts";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const authWindowMs = Number(env.AUTH_WINDOW_SECONDS) * 1000;
    ctx.waitUntil(
      runScheduledJobs(env.DB, {
        now: controller.scheduledTime,
        authWindowMs: Number.isFinite(authWindowMs) ? authWindowMs : 0,
      }),
    );
  },
} satisfies ExportedHandler<Bindings>;
