// The Workers Cache backend: Cloudflare's cache in front of the Worker answers hits and keeps what the
// Worker answers by its headers (Cloudflare-CDN-Cache-Control, Cache-Tag); the Worker only purges, by tag,
// in every data centre at once (ctx.cache.purge, Instant Purge).
import type { EdgeCache, PurgeResult } from "./backend.ts";

export function workersCacheBackend(cache: CacheContext): EdgeCache {
  return {
    name: "workers",
    servesInWorker: false,
    lookup: async () => null,
    store: async () => {},
    async purge(tags): Promise<PurgeResult> {
      const result = await cache.purge(tags === "everything" ? { purgeEverything: true } : { tags: [...tags] });
      return { backend: "workers", success: result.success, errors: result.errors.map((e) => ({ code: e.code, message: e.message })) };
    },
  };
}
