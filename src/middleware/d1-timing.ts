// Meters each request's D1 use and reports it in Server-Timing, so cost per page is visible
// in the browser's devtools and measurable by the benchmark (rows read per request).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { D1Meter } from "../db/metered.ts";

export function d1Timing(): MiddlewareHandler<AppEnv> {
  return async function d1Timing(c, next) {
    const meter = new D1Meter();
    // A per-request copy: the env object itself is shared by every request in the isolate.
    c.env = { ...c.env, DB: meter.wrap(c.env.DB) };
    await next();
    c.res.headers.append("Server-Timing", meter.serverTiming());
  };
}
