// The edge cache around the reader routes. A route says what its response shows (`c.set("shows", …)`); this
// wrapper does everything else: looks the page up (Cache API backend), answers hits without running the
// route or reading D1, labels fresh responses with their validators, freshness and tags, stores them, and
// serves the stale copy when the route fails or the client is over its rate limit. Only a verified editor
// (`apiKey`: a Masthead key that verified, src/auth/reader-credentials.ts) reads past it. Every answer — hit,
// miss, stale, bypass or one not kept — leaves through `answer`, the one place that decides on a 304.
//
// What the Worker stores, and registers in D1 for purges, is bounded by what the site holds, never by the
// number of requests: one copy per URL the site prints (an old site's URL under its one spelling), no 404s,
// no redirect from a spelling the site never printed (`spelling`, and the query-stripping 301s, which show
// nothing), and nothing a route marks no-store (a cursor the server did not issue, a search that found
// nothing). README, "How caching works".
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import type { Shows } from "../domain/shows.ts";
import { sha256Hex } from "../content/sha256.ts";
import { legacyCacheKey } from "../content/legacy-urls.ts";
import { type RequestValidators, isNotModified, strongEtag } from "../http/conditional.ts";
import { addServerTiming } from "../http/server-timing.ts";
import { upperEscapes } from "../http/query.ts";
import type { EdgeCache, Stored } from "./backend.ts";
import {
  type Freshness,
  NOT_FOUND,
  NO_STORE,
  atMost,
  browserCacheControl,
  edgeCacheControl,
  forSearch,
  page,
} from "./freshness.ts";
import { tagsOf } from "./tags.ts";
import { edgeTtlSeconds } from "../config.ts";

/** How a response was served, in X-Cache. */
type Served = "HIT" | "MISS" | "STALE" | "BYPASS" | "REVALIDATED";

/**
 * Requests a shared copy must never answer, nor be made from: a verified editor's. Nothing else: not an
 * Authorization header that did not verify (a Masthead key that fails is a 401 before this runs; any other
 * is a reader's), not a D1 bookmark (ignored without a key), not a cookie, not Accept — the key is the URL
 * alone, and what a URL answers differs by Accept only in its error bodies (a JSON error to a JSON client),
 * which are never kept: errors.ts marks the JSON ones no-store, and the Worker stores no 404. So no header a
 * reader can send pushes requests through to D1.
 */
const bypasses = (c: Context<AppEnv>) => c.var.actor !== undefined;

/** Statuses worth labelling for the edge: a page, a canonical redirect, a brief 404. */
const freshnessOf = (status: number, edgeSeconds: number): Freshness | null =>
  status === 200 || status === 301 ? page(edgeSeconds) : status === 404 ? NOT_FOUND : null;

const bodyEtag = async (body: ArrayBuffer) => strongEtag((await sha256Hex(new Uint8Array(body))).slice(0, 32));

function withHeaders(res: Response, set: Record<string, string>, drop: readonly string[] = []): Response {
  const headers = new Headers(res.headers);
  for (const name of drop) headers.delete(name);
  for (const [name, value] of Object.entries(set)) headers.set(name, value);
  return new Response(res.body, { status: res.status, headers });
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
 * The one way out: 304 when the client already holds `res` — by its ETag or, for routes that send one, its
 * Last-Modified; only a 200 (RFC 9110 §13.2.1: preconditions apply where the answer would be a 2xx) — else
 * `res` itself, less `drop`. `extra` headers go on either.
 */
function answer(c: Context<AppEnv>, res: Response, extra: Record<string, string>, drop: readonly string[] = []): Response {
  const current = { etag: res.headers.get("ETag"), lastModified: res.headers.get("Last-Modified") };
  if (res.status === 200 && isNotModified(validatorsOf(c), current, Date.now())) return notModified(res, extra);
  return withHeaders(res, extra, drop);
}

/** A 200 with a strong ETag: the hash of its bytes, unless the route set one. */
async function withEtag(res: Response): Promise<Response> {
  if (res.status !== 200 || res.headers.has("ETag")) return res;
  const body = await res.arrayBuffer();
  const headers = new Headers(res.headers);
  headers.set("ETag", await bodyEtag(body));
  return new Response(body, { status: 200, headers });
}

/** A stored copy, as a hit, or as a stale answer when the route failed or the client is over its limit. */
function fromCache(c: Context<AppEnv>, stored: Stored, served: Served, now: number): Response {
  return answer(c, stored.response, {
    "Cache-Control": stored.browserCacheControl,
    Age: String(Math.max(0, Math.floor((now - stored.storedAt) / 1000))),
    "X-Cache": served,
    "Server-Timing": `cache;desc="${served}"`,
  });
}

/**
 * The cache key: the site's origin (SITE_URL; locally the origin serving, src/http/site-origin.ts), so no
 * Host header can make a second copy of a page; and for an old site's URL the one spelling of what it asks
 * for, so no query string or page number in it can either; escapes in upper case, as `%e8` is `%E8`.
 */
function cacheKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return new URL(legacyCacheKey(url.pathname, url.searchParams) ?? upperEscapes(url.pathname + url.search), c.env.SITE_URL).href;
}

/**
 * What the Worker keeps itself (the Cache API): pages, and redirects that took D1 to decide from a URL the
 * site prints (a section's or a topic's other names, an old site's link, an old 专题's). Not 404s, not a redirect that shows nothing
 * (the query-stripping 301s), not one from a spelling no page ever printed: each costs less to answer again
 * than a registration in D1, and anyone can ask for infinitely many of them.
 */
const worthStoring = (c: Context<AppEnv>, status: number, shows: Shows) =>
  status === 200 || (status === 301 && c.var.spelling !== true && shows.articles.length + shows.listings.length + (shows.topics?.length ?? 0) > 0);

const TIMING = /^(x-cache|server-timing|age)$/i;
const BYPASSED = { "Cache-Control": "private, no-store", "X-Cache": "BYPASS" };
/** What only the edge reads: never on an answer no shared cache may keep. */
const EDGE_ONLY = ["Cache-Tag", "Cloudflare-CDN-Cache-Control"];

export function edgeCache(cacheFor: (c: Context<AppEnv>) => EdgeCache): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (bypasses(c)) {
      await next();
      replace(c, answer(c, await withEtag(c.res), BYPASSED, EDGE_ONLY));
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
    // The route (or D1 under it) failed, or this client may not reach D1 now: a stale copy beats either.
    if (stored && (res.status >= 500 || res.status === 429) && started < stored.staleUntil) {
      replace(c, fromCache(c, stored, "STALE", started));
      return;
    }
    const shows = c.get("shows");
    const ttl = edgeTtlSeconds(c.env);
    const byTtl = freshnessOf(res.status, ttl);
    const byStatus = byTtl && shows?.search ? forSearch(byTtl) : byTtl;
    const expires = c.get("freshFor");
    const freshness = byStatus && expires !== undefined ? atMost(byStatus, expires) : byStatus;
    const refused = /no-store|private/.test(res.headers.get("Cache-Control") ?? "") || res.headers.has("Set-Cookie");
    if (!shows || !freshness || refused) {
      const cacheControl = refused ? (res.headers.get("Cache-Control") ?? NO_STORE) : NO_STORE;
      replace(c, answer(c, await withEtag(res), { "Cache-Control": cacheControl, "X-Cache": "BYPASS" }, EDGE_ONLY));
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
    const fresh = await withEtag(new Response(res.body, { status: res.status, headers: labelled }));
    if (cache.name === "off") fresh.headers.set("X-Cache", "BYPASS");
    if (cache.servesInWorker) {
      if (worthStoring(c, res.status, shows)) {
        c.executionCtx.waitUntil(
          cache
            .store(key, fresh.clone(), { tags, freshness, browserCacheControl: browser, renderedAt: started })
            .catch((err: unknown) => console.error("edge cache: could not store", key, err)),
        );
      }
      const etag = fresh.headers.get("ETag");
      const served: Served = stored && etag && stored.response.headers.get("ETag") === etag ? "REVALIDATED" : "MISS";
      fresh.headers.set("X-Cache", served);
      addServerTiming(fresh.headers, `cache;desc="${served}", app;dur=${Date.now() - started}`);
    }
    replace(c, answer(c, fresh, Object.fromEntries([...fresh.headers].filter(([name]) => TIMING.test(name)))));
  };
}
