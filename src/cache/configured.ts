// The edge cache this deployment is configured with (EDGE_CACHE in wrangler.toml), for a request or a cron run.
import type { Bindings } from "../env.ts";
import { type EdgeCache, noCache } from "./backend.ts";
import { cacheApiBackend } from "./cache-api.ts";
import { workersCacheBackend } from "./workers-cache.ts";

let warned = false;

/**
 * "workers" needs `[cache] enabled = true` and a runtime that gives the Worker `ctx.cache`; where there is
 * none (wrangler dev, the tests: nothing local emulates Workers Cache), the Cache API stands in, so a
 * local run behaves as a deployment without Workers Cache would.
 */
export function configuredCache(env: Bindings, ctx: object | undefined): EdgeCache {
  const mode = env.EDGE_CACHE;
  // Hono types its context's ExecutionContext without `cache`; the runtime's has it when Workers Cache is on.
  const workers = ctx && "cache" in ctx ? (ctx as { cache?: CacheContext }).cache : undefined;
  if (mode === "off") return noCache;
  if (mode === "workers" && workers) return workersCacheBackend(workers);
  if (mode !== "workers" && mode !== "cache-api") throw new Error(`EDGE_CACHE must be "workers", "cache-api" or "off", not ${JSON.stringify(mode)}`);
  if (mode === "workers" && !warned) {
    warned = true;
    console.warn("edge cache: EDGE_CACHE is \"workers\" but this runtime has no ctx.cache; using the Cache API instead");
  }
  const zone = env.CF_ZONE_ID && env.CF_API_TOKEN ? { id: env.CF_ZONE_ID, token: env.CF_API_TOKEN } : undefined;
  return cacheApiBackend({ cache: caches.default, db: env.DB, ...(zone && { zone }) });
}
