// Sitemaps (sitemaps.org protocol 0.9, Google News sitemaps): what crawlers are told exists and when it changed.

/** At most this many URLs in one sitemap file (sitemaps.org); a busier month is split into parts. */
export const SITEMAP_MAX_URLS = 50_000;

/** A Google News sitemap lists what was published in the last two days, at most 1,000 articles. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

/** One monthly sitemap's bookkeeping: how many listed articles went out that month, and when it last changed. */
export type SitemapMonth = { month: string; articles: number; lastmod: number };

/** A page and when it last changed (ms), or 0 when that is not known. */
export type SitemapUrl = { path: string; lastmod: number };

/** An article as the news sitemap lists it. */
export type NewsUrl = { path: string; title: string; publishedAt: number };

/** How a month's articles move with a change: +1 published into it, −1 gone from it, 0 edited in place. */
export type MonthChange = { month: string; articles: number; at: number };
