// The Worker: HTTP requests go to the Hono app; the cron trigger publishes due scheduled articles.
import { app } from "./app.ts";
import { runScheduledPublishing } from "./scheduler.ts";
import type { Bindings } from "./env.ts";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledPublishing(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Bindings>;
