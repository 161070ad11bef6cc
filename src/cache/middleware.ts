// The edge cache around the reader routes. A route says what its response shows (`c.set("shows", …)`); this
// wrapper does everything else: looks the page up (Cache API backend), answers hits and 304s without
// running the route or reading D1, labels fresh responses with their validators, freshness and tags, stores
// them, and serves the stale copy when the route fails. Editors (Authorization, or a D1 bookmark of their
// own write) always bypass it.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { sha256Hex } from "../content/sha256.ts";
import { legacyCacheKey } from "../content/legacy-urls.ts";
import { type RequestValidators, isNotModified } from "../http/conditional.ts";
import type { EdgeCache, Stored } from "./backend.ts";
import {
  type Freshness,
  NOT_FOUND,
  NO_STORE,
  atMost,
  browserCacheControl,
  edgeCacheControl,
  edgeTtlSeconds,
  forSearch,
  page,
} from "./freshness.ts";
import { tagsOf } from "./tags.ts";

/** How a response was served, in X-Cache. */
type Served = "HIT" | "MISS" | "STALE" | "BYPASS" | "REVALIDATED";

/**
 * Requests a shared copy must never answer, nor be made from: editors' (a key, or a bookmark of their own
 * write). Accept is no reason: the key is the URL alone, and what a URL answers differs by Accept only in
 * its error bodies (a JSON error to a JSON client), which are never kept — errors.ts marks the JSON ones
 * no-store, and the Worker stores no 404. So a JSON Feed reader's `Accept: application/feed+json` is served
 * from the cache like any reader, and no Accept header lets a client push every request through to D1.
 */
const bypasses = (c: Context<AppEnv>) => c.req.header("Authorization") !== undefined || c.req.header("x-d1-bookmark") !== undefined;

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

const validatorsOf = (c: Context<AppEnv>): RequestValidators => ({
  ifNoneMatch: c.req.header("If-None-Match"),
  ifModifiedSince: c.req.header("If-Modified-Since"),
});

/**
 * Whether the client already holds `res`, by its ETag or, for routes that send one, its Last-Modified. Only a
 * 200 is ever answered 304 (RFC 9110 §13.2.1: preconditions apply where the answer would be a 2xx).
 */
const clientHolds = (c: Context<AppEnv>, res: Response, now: number) =>
  res.status === 200 &&
  isNotModified(validatorsOf(c), { etag: res.headers.get("ETag"), lastModified: res.headers.get("Last-Modified") }, now);

/** A stored copy, as a hit, a 304 for a client that holds it already, or a stale answer when the route failed. */
function fromCache(c: Context<AppEnv>, stored: Stored, served: Served, now: number): Response {
  const extra = {
    "Cache-Control": stored.browserCacheControl,
    Age: String(Math.max(0, Math.floor((now - stored.storedAt) / 1000))),
    "X-Cache": served,
    "Server-Timing": `cache;desc="${served}"`,
  };
  if (clientHolds(c, stored.response, now)) return notModified(stored.response, extra);
  return withHeaders(stored.response, extra);
}

/**
 * RFC 9110 §13.2.1: preconditions are evaluated only where the answer without them would be a 2xx. A 200 gets
 * a strong ETag (the hash of its bytes, unless the route set one) and is answered 304 when If-None-Match
 * names it.
 */
async function withValidators(c: Context<AppEnv>, res: Response, extra: Record<string, string> = {}): Promise<Response> {
  if (res.status !== 200) return res;
  const body = await res.arrayBuffer();
  const etag = res.headers.get("ETag") ?? (await strongEtag(body));
  const headers = new Headers(res.headers);
  headers.set("ETag", etag);
  const full = new Response(body, { status: 200, headers });
  return clientHolds(c, full, Date.now()) ? notModified(full, extra) : full;
}

/**
 * The cache key: the canonical origin (SITE_URL), so no Host header can make a second copy of a page; and for
 * an old site's URL the one spelling of what it asks for, so no query string or page number in it can either.
 */
function cacheKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return new URL(legacyCacheKey(url.pathname, url.searchParams) ?? url.pathname + url.search, c.env.SITE_URL).href;
}

/**
 * What the Worker keeps itself (the Cache API): pages, and redirects that took D1 to decide (a moved
 * article). Not 404s, nor the 301s that strip a query string: both cost less to answer again than a
 * registration in D1, and anyone can ask for infinitely many of them.
 */
const worthStoring = (status: number, shows: { articles: number[]; listings: string[] }) =>
  status === 200 || (status === 301 && shows.articles.length + shows.listings.length > 0);

const TIMING = /^(x-cache|server-timing|age)$/i;

export function edgeCache(cacheFor: (c: Context<AppEnv>) => EdgeCache): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (bypasses(c)) {
      await next();
      const bypassed = withHeaders(c.res, { "Cache-Control": "private, no-store", "X-Cache": "BYPASS" }, ["Cache-Tag", "Cloudflare-CDN-Cache-Control"]);
      replace(c, await withValidators(c, bypassed, { "Cache-Control": "private, no-store", "X-Cache": "BYPASS" }));
      return;
    }
    const cache = cacheFor(c);
    const key = cacheKey(c);
    const stored = cache.servesInWorker ? await cache.lookup(key) : null;
    const started = Date.now();
    if (stored && started < stored.freshUntil) {
      replace(c, fromCache(c, stored, "HIT", started));
      return;
    }

    // What is kept must be read from the primary: a replica a moment behind a purge would be kept for a day.
    if (cache.name !== "off") c.set("fillsCache", true);
    await next();
    const res = c.res;
    // The route (or D1 under it) failed: a stale copy is better than an error page.
    if (stored && res.status >= 500 && started < stored.staleUntil) {
      replace(c, fromCache(c, stored, "STALE", started));
      return;
    }
    const shows = c.get("shows");
    const ttl = edgeTtlSeconds(c.env.EDGE_TTL_SECONDS);
    const byTtl = freshnessOf(res.status, ttl);
    const byStatus = byTtl && shows?.search ? forSearch(byTtl) : byTtl;
    const expires = c.get("freshFor");
    const freshness = byStatus && expires !== undefined ? atMost(byStatus, expires) : byStatus;
    const refused = /no-store|private/.test(res.headers.get("Cache-Control") ?? "") || res.headers.has("Set-Cookie");
    if (!shows || !freshness || refused) {
      replace(c, withHeaders(res, { "Cache-Control": refused ? (res.headers.get("Cache-Control") ?? NO_STORE) : NO_STORE, "X-Cache": "BYPASS" }));
      return;
    }

    const tags = tagsOf(shows);
    const browser = browserCacheControl(freshness);
    const labelled = new Headers(res.headers);
    labelled.set("Cache-Control", browser);
    if (cache.name === "workers") {
      // Workers Cache keeps what the Worker answers: these are read (and stripped) by Cloudflare, and nothing
      // that belongs to this one request may be frozen into the copy.
      labelled.set("Cloudflare-CDN-Cache-Control", edgeCacheControl(freshness));
      labelled.set("Cache-Tag", tags.join(","));
      labelled.delete("Server-Timing");
    }
    const body = await res.arrayBuffer();
    if (res.status === 200) labelled.set("ETag", res.headers.get("ETag") ?? (await strongEtag(body)));
    const fresh = new Response(body, { status: res.status, headers: labelled });
    if (cache.name === "off") fresh.headers.set("X-Cache", "BYPASS");
    if (cache.servesInWorker) {
      if (worthStoring(res.status, shows)) {
        c.executionCtx.waitUntil(
          cache
            .store(key, fresh.clone(), { tags, freshness, browserCacheControl: browser, renderedAt: started })
            .catch((err: unknown) => console.error("edge cache: could not store", key, err)),
        );
      }
      const etag = fresh.headers.get("ETag");
      const served: Served = stored && etag && stored.response.headers.get("ETag") === etag ? "REVALIDATED" : "MISS";
      fresh.headers.set("X-Cache", served);
      fresh.headers.append("Server-Timing", `cache;desc="${served}", app;dur=${Date.now() - started}`);
    }
    replace(c, clientHolds(c, fresh, Date.now()) ? notModified(fresh, Object.fromEntries([...fresh.headers].filter(([name]) => TIMING.test(name)))) : fresh);
  };
}
