// The Cache API backend (caches.default): the Worker looks pages up and stores them itself. Used locally
// (wrangler dev, the tests), and in production where Workers Cache is not enabled. The Cache API is per
// data centre and has no tags, so every stored URL is registered under its tags in D1, and a purge
// deletes exactly those URLs here — plus, with a zone and an API token configured, purges the same tags
// in every data centre through Cloudflare's purge API (cache.put honours the Cache-Tag header).
import type { Db } from "../domain/db.ts";
import { purgedSince, recordPurge, registerCachedUrl, takeUrlsToPurge } from "../db/cache-registry.ts";
import type { Freshness } from "./freshness.ts";
import type { EdgeCache, PurgeResult, Stored } from "./backend.ts";
import { zonePurge } from "./zone-purge.ts";

// Internal headers of a stored copy, removed before it is served.
const STORED_AT = "x-masthead-stored-at";
const FRESH_UNTIL = "x-masthead-fresh-until";
const STALE_UNTIL = "x-masthead-stale-until";
const BROWSER_CC = "x-masthead-browser-cache-control";
const INTERNAL = [STORED_AT, FRESH_UNTIL, STALE_UNTIL, BROWSER_CC, "cache-tag", "cache-control"];

/** URLs a purge takes from the registry at a time; it goes on until none are left. */
const CHUNK = 200;

export type CacheApiOptions = {
  cache: Cache;
  /** The primary, for the registry: a purge must see every registration. */
  db: Db;
  zone?: { id: string; token: string };
};

export function cacheApiBackend(opts: CacheApiOptions): EdgeCache {
  const { cache, db } = opts;
  return {
    name: "cache-api",
    servesInWorker: true,

    async lookup(url) {
      const res = await cache.match(new Request(url));
      if (!res) return null;
      const headers = new Headers(res.headers);
      const stored: Stored = {
        storedAt: Number(headers.get(STORED_AT)),
        freshUntil: Number(headers.get(FRESH_UNTIL)),
        staleUntil: Number(headers.get(STALE_UNTIL)),
        browserCacheControl: headers.get(BROWSER_CC) ?? "no-store",
        response: res,
      };
      for (const name of INTERNAL) headers.delete(name);
      stored.response = new Response(res.body, { status: res.status, headers });
      return stored;
    },

    async store(url, res, entry) {
      const now = Date.now();
      const f: Freshness = entry.freshness;
      const freshUntil = now + f.edge * 1000;
      const staleUntil = freshUntil + Math.max(f.staleIfError, f.staleWhileRevalidate) * 1000;
      const headers = new Headers(res.headers);
      headers.set("Cache-Control", `public, max-age=${Math.ceil((staleUntil - now) / 1000)}`);
      headers.set("Cache-Tag", entry.tags.join(","));
      headers.set(BROWSER_CC, entry.browserCacheControl);
      headers.set(STORED_AT, String(now));
      headers.set(FRESH_UNTIL, String(freshUntil));
      headers.set(STALE_UNTIL, String(staleUntil));
      headers.delete("Set-Cookie");
      // Registered before it is stored: a copy no purge could find must never exist. If the registration
      // fails, nothing is stored.
      await registerCachedUrl(db, url, entry.tags, staleUntil);
      await cache.put(new Request(url), new Response(res.body, { status: res.status, headers }));
      // A purge that ran while this page was being rendered may have found nothing to delete yet; then the
      // copy goes again. When that cannot be told (D1 failing), it goes too.
      const suspect = await purgedSince(db, entry.tags, entry.renderedAt).catch(() => true);
      if (suspect) await cache.delete(new Request(url));
    },

    async purge(tags): Promise<PurgeResult> {
      await recordPurge(db, tags, Date.now());
      let deleted = 0;
      for (;;) {
        const urls = await takeUrlsToPurge(db, tags, CHUNK);
        await Promise.all(urls.map((url) => cache.delete(new Request(url))));
        deleted += urls.length;
        if (urls.length < CHUNK) break;
      }
      const zone = opts.zone ? await zonePurge(opts.zone, tags) : null;
      return { backend: "cache-api", success: zone?.success ?? true, deleted, errors: zone?.errors ?? [] };
    },
  };
}
