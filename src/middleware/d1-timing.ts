// With D1_METER = "on" (development, the benchmark, the tests), meters each request's D1 use and reports
// it in Server-Timing, so the cost of a page shows in the browser's devtools. Off, it costs nothing: the
// counters are internal and must not reach public responses, nor be frozen into cached copies.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { D1Meter } from "../db/metered.ts";

export function d1Timing(): MiddlewareHandler<AppEnv> {
  return async function d1Timing(c, next) {
    if (c.env.D1_METER !== "on") return next();
    const meter = new D1Meter();
    // A per-request copy: the env object itself is shared by every request in the isolate.
    c.env = { ...c.env, DB: meter.wrap(c.env.DB) };
    await next();
    c.res.headers.append("Server-Timing", meter.serverTiming());
  };
}
