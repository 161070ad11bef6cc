// The edge cache around the reader routes. A route says what its response shows (`c.set("shows", …)`); this
// wrapper does everything else: looks the page up (Cache API backend), answers hits and 304s without
// running the route or reading D1, labels fresh responses with their validators, freshness and tags, stores
// them, and serves the stale copy when the route fails. Editors (Authorization, or a D1 bookmark of their
// own write) always bypass it.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { sha256Hex } from "../content/sha256.ts";
import { wantsJson } from "../routes/errors.ts";
import { noneMatch } from "../http/conditional.ts";
import type { EdgeCache, Stored } from "./backend.ts";
import {
  type Freshness,
  NOT_FOUND,
  NO_STORE,
  SEARCH_EDGE_SECONDS,
  browserCacheControl,
  edgeCacheControl,
  edgeTtlSeconds,
  page,
} from "./freshness.ts";
import { tagsOf } from "./tags.ts";

/** How a response was served, in X-Cache. */
type Served = "HIT" | "MISS" | "STALE" | "BYPASS" | "REVALIDATED";

/**
 * Requests a shared copy must never answer, nor be made from: editors' (a key, or a bookmark of their own
 * write), and clients asking a page's URL for JSON — the cache key is the URL alone, not Accept.
 */
const bypasses = (c: Context<AppEnv>) =>
  c.req.header("Authorization") !== undefined ||
  c.req.header("x-d1-bookmark") !== undefined ||
  (!c.req.path.startsWith("/api/") && wantsJson(c));

/** Statuses worth keeping: a page, a canonical redirect, a brief 404. */
const freshnessOf = (status: number, edgeSeconds: number): Freshness | null =>
  status === 200 || status === 301 ? page(edgeSeconds) : status === 404 ? NOT_FOUND : null;

const strongEtag = async (body: ArrayBuffer) => `"${(await sha256Hex(new Uint8Array(body))).slice(0, 32)}"`;

function withHeaders(res: Response, set: Record<string, string>, drop: readonly string[] = []): Response {
  const headers = new Headers(res.headers);
  for (const name of drop) headers.delete(name);
  for (const [name, value] of Object.entries(set)) headers.set(name, value);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** RFC 9110 §15.4.5: a 304 repeats the validators and caching headers a 200 would have sent. */
function notModified(res: Response, extra: Record<string, string>): Response {
  const headers = new Headers();
  for (const name of ["ETag", "Cache-Control", "Content-Location", "Vary", "Last-Modified"]) {
    const value = res.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(null, { status: 304, headers });
}

/**
 * Replaces the response whole. Assigning `c.res` in Hono copies the old response's headers onto the new one
 * (so that headers set with c.header survive); here the old headers are exactly what must not survive.
 */
function replace(c: Context<AppEnv>, res: Response) {
  c.res = undefined;
  c.res = res;
}

/** A stored copy, as a hit, a 304 for a client that holds it already, or a stale answer when the route failed. */
function fromCache(c: Context<AppEnv>, stored: Stored, served: Served, now: number): Response {
  const extra = {
    "Cache-Control": stored.browserCacheControl,
    Age: String(Math.max(0, Math.floor((now - stored.storedAt) / 1000))),
    "X-Cache": served,
    "Server-Timing": `cache;desc="${served}"`,
  };
  const etag = stored.response.headers.get("ETag");
  if (etag && !noneMatch(c.req.header("If-None-Match"), etag)) return notModified(stored.response, extra);
  return withHeaders(stored.response, extra);
}

export function edgeCache(cacheFor: (c: Context<AppEnv>) => EdgeCache): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (bypasses(c)) {
      await next();
      replace(c, withHeaders(c.res, { "Cache-Control": "private, no-store", "X-Cache": "BYPASS" }, ["Cache-Tag", "Cloudflare-CDN-Cache-Control"]));
      return;
    }
    const cache = cacheFor(c);
    const url = c.req.url;
    const stored = cache.servesInWorker ? await cache.lookup(url) : null;
    const started = Date.now();
    if (stored && started < stored.freshUntil) {
      replace(c, fromCache(c, stored, "HIT", started));
      return;
    }

    await next();
    const res = c.res;
    // The route (or D1 under it) failed: a stale copy is better than an error page.
    if (stored && res.status >= 500 && started < stored.staleUntil) {
      replace(c, fromCache(c, stored, "STALE", started));
      return;
    }
    const shows = c.get("shows");
    const ttl = edgeTtlSeconds(c.env.EDGE_TTL_SECONDS);
    const freshness = freshnessOf(res.status, shows?.search ? Math.min(ttl, SEARCH_EDGE_SECONDS) : ttl);
    const refused = /no-store|private/.test(res.headers.get("Cache-Control") ?? "") || res.headers.has("Set-Cookie");
    if (!shows || !freshness || refused) {
      replace(c, withHeaders(res, { "Cache-Control": refused ? (res.headers.get("Cache-Control") ?? NO_STORE) : NO_STORE, "X-Cache": "BYPASS" }));
      return;
    }

    const body = await res.arrayBuffer();
    const etag = res.headers.get("ETag") ?? (await strongEtag(body));
    const tags = tagsOf(shows);
    const browser = browserCacheControl(freshness);
    const labelled = new Headers(res.headers);
    labelled.set("ETag", etag);
    labelled.set("Cache-Control", browser);
    if (cache.name === "workers") {
      // Workers Cache keeps what the Worker answers: these are read (and stripped) by Cloudflare, and nothing
      // that belongs to this one request may be frozen into the copy.
      labelled.set("Cloudflare-CDN-Cache-Control", edgeCacheControl(freshness));
      labelled.set("Cache-Tag", tags.join(","));
      labelled.delete("Server-Timing");
    }
    if (cache.name === "off") labelled.set("X-Cache", "BYPASS");
    const fresh = new Response(body, { status: res.status, headers: labelled });
    if (cache.servesInWorker) {
      c.executionCtx.waitUntil(
        cache
          .store(url, fresh.clone(), { tags, freshness, browserCacheControl: browser, renderedAt: started })
          .catch((err: unknown) => console.error("edge cache: could not store", url, err)),
      );
      const served: Served = stored ? (stored.response.headers.get("ETag") === etag ? "REVALIDATED" : "MISS") : "MISS";
      fresh.headers.set("X-Cache", served);
      fresh.headers.append("Server-Timing", `cache;desc="${served}", app;dur=${Date.now() - started}`);
    }
    replace(
      c,
      noneMatch(c.req.header("If-None-Match"), etag)
        ? fresh
        : notModified(fresh, Object.fromEntries([...fresh.headers].filter(([name]) => /^(x-cache|server-timing|age)$/i.test(name)))),
    );
  };
}
