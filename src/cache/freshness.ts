// How long each kind of response stays fresh, for browsers and for the edge. Browsers keep a page briefly
// (they cannot be purged); the edge keeps it long, because every change purges exactly what it touched.
// RFC 9111 §5.2.2 for the directives, RFC 5861 for stale-while-revalidate and stale-if-error.

export type Freshness = {
  /** Seconds a browser may use its copy without asking. */
  browser: number;
  /** Seconds the edge serves its copy without asking the Worker. */
  edge: number;
  /** Seconds past `edge` a stale copy may be served while a fresh one is fetched. */
  staleWhileRevalidate: number;
  /** Seconds past `edge` a stale copy may be served when the Worker (or D1) fails. */
  staleIfError: number;
};

const DAY = 86_400;

/**
 * Pages, JSON, feeds: purged on every change, so the edge may keep them for as long as it likes — a day,
 * or EDGE_TTL_SECONDS (short where purges cannot reach every data centre: the Cache API without a zone).
 */
export const page = (edgeSeconds = DAY): Freshness => ({ browser: Math.min(30, edgeSeconds), edge: edgeSeconds, staleWhileRevalidate: 60, staleIfError: 7 * DAY });

/**
 * `f`, kept no longer than `seconds`: for an answer that goes out of date by itself, with no change to purge
 * it (the news sitemap, whose two-day window moves on by the clock).
 */
export const atMost = (f: Freshness, seconds: number): Freshness => ({
  ...f,
  edge: Math.max(0, Math.min(f.edge, seconds)),
  browser: Math.max(0, Math.min(f.browser, seconds)),
});

/**
 * Search results are purged on every change too, but any string is a query: kept a few minutes only, so
 * one-off queries do not fill the cache (and, for the Cache API, its registry) for a day. A query many
 * readers send at once is still answered from the cache.
 */
const SEARCH_EDGE_SECONDS = 300;

/**
 * `f` for search results: fresh for SEARCH_EDGE_SECONDS, and served stale on a D1 failure for an hour, not
 * a week — a stale copy is kept (and, for the Cache API, registered) for as long as it may be served.
 */
export const forSearch = (f: Freshness): Freshness => ({ ...atMost(f, SEARCH_EDGE_SECONDS), staleIfError: Math.min(f.staleIfError, 3_600) });

/** A 404 becomes a page the moment an article is published at that URL: kept briefly, and purged too. */
export const NOT_FOUND: Freshness = { browser: 10, edge: 60, staleWhileRevalidate: 0, staleIfError: 0 };

/** Content-hashed URLs (images, the stylesheet): their bytes never change. */
export const IMMUTABLE: Freshness = { browser: 365 * DAY, edge: 365 * DAY, staleWhileRevalidate: 0, staleIfError: 365 * DAY };

const directives = (maxAge: number, f: Freshness) =>
  [
    `max-age=${maxAge}`,
    ...(f.staleWhileRevalidate ? [`stale-while-revalidate=${f.staleWhileRevalidate}`] : []),
    ...(f.staleIfError ? [`stale-if-error=${f.staleIfError}`] : []),
  ].join(", ");

/** What browsers see. Never `s-maxage`: Cloudflare would then refuse to serve stale (RFC 9111 §4.2.4). */
export const browserCacheControl = (f: Freshness, immutable = false) =>
  `public, ${directives(f.browser, f)}${immutable ? ", immutable" : ""}`;

/** What the edge sees, in `Cloudflare-CDN-Cache-Control`, which Cloudflare obeys over Cache-Control and strips. */
export const edgeCacheControl = (f: Freshness) => directives(f.edge, f);

/** Nothing of this response may be kept anywhere: errors, admin answers, previews. */
export const NO_STORE = "no-store";
