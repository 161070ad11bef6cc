// Times each request's D1 round trips and reports them in Server-Timing (`d1;dur=…`), so a miss shows where
// its time went. The counters behind it — round trips, statements, rows read and written — are internal:
// they are added only with D1_METER = "on" (development, the benchmark, the tests), never on a public site
// by default, where they would also be frozen into cached copies. The meter is plain wrapper classes; a
// cache hit never reaches it.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { D1Meter } from "../db/metered.ts";
import { addServerTiming } from "./server-timing.ts";

export function d1Timing(): MiddlewareHandler<AppEnv> {
  return async function d1Timing(c, next) {
    const meter = new D1Meter();
    // A per-request copy: the env object itself is shared by every request in the isolate.
    c.env = { ...c.env, DB: meter.wrap(c.env.DB) };
    // Read by the error page: a 404 reads the navigation only while that costs no second round trip.
    c.set("d1Usage", meter.usage);
    await next();
    if (meter.usage.roundTrips === 0) return;
    addServerTiming(c.res.headers, c.env.D1_METER === "on" ? meter.serverTiming() : `d1;dur=${meter.usage.ms}`);
  };
}
