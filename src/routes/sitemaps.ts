// For crawlers: /robots.txt, the sitemap index /sitemap.xml, monthly sitemaps /sitemaps/<YYYY>-<MM>.xml (split
// into -2, -3 … past 50,000 URLs), /sitemaps/sections.xml and the Google News sitemap /sitemap-news.xml. Each is
// tagged with what it shows, so the changes that alter it purge it: a month's sitemap only by its month.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { ALL, SITE_LISTING, showsOnly } from "../domain/shows.ts";
import { NEWS_MAX_URLS, NEWS_WINDOW_MS, SITEMAP_MAX_URLS, type SitemapUrl } from "../domain/sitemap.ts";
import { readMonthSitemap, readNewsSitemap, readSectionsSitemap, readSitemapIndex } from "../db/sitemaps.ts";
import { NEWS_SITEMAP_URL, SECTIONS_SITEMAP_URL, SITEMAP_INDEX_URL, monthSitemapUrl } from "../content/urls.ts";
import { withoutQuery } from "../http/no-query.ts";
import { renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlSet } from "../render/sitemaps.ts";

export const sitemaps = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const XML = "application/xml; charset=utf-8";

/** The index, the sections' and the news sitemap change with the whole site's listing; the first two with topics too. */
const showsSite = (c: Ctx, topics = true) => c.set("shows", showsOnly({ listings: [SITE_LISTING], ...(topics && { topics: [ALL] }) }));

sitemaps.get("/robots.txt", withoutQuery(), (c) => {
  c.set("shows", showsOnly());
  return c.body(renderRobots(c.env.SITE_URL, [SITEMAP_INDEX_URL, NEWS_SITEMAP_URL]), 200, { "Content-Type": "text/plain; charset=utf-8" });
});

sitemaps.get(SITEMAP_INDEX_URL, withoutQuery(), async (c) => {
  showsSite(c);
  const { months, sections } = await readSitemapIndex(c.var.db);
  const entries: SitemapUrl[] = sections ? [{ path: SECTIONS_SITEMAP_URL, lastmod: sections.lastmod }] : [];
  for (const m of months) {
    for (let part = 1; part <= Math.ceil(m.articles / SITEMAP_MAX_URLS); part++) entries.push({ path: monthSitemapUrl(m.month, part), lastmod: m.lastmod });
  }
  // The schema requires a <sitemap> at least, as a url set requires a <url>: a site with nothing yet has no sitemap.
  if (entries.length === 0) throw notFound("还没有栏目和文章 / Nothing to list yet");
  return c.body(renderSitemapIndex(c.env.SITE_URL, entries), 200, { "Content-Type": XML });
});

sitemaps.get(SECTIONS_SITEMAP_URL, withoutQuery(), async (c) => {
  showsSite(c);
  const urls = await readSectionsSitemap(c.var.db);
  if (urls.length === 0) throw notFound("还没有栏目 / No sections yet");
  return c.body(renderUrlSet(c.env.SITE_URL, urls), 200, { "Content-Type": XML });
});

// 2023-06.xml, 2023-06-2.xml: no leading zeros in the part, no part 1 spelt out, months 01–12 only.
sitemaps.get("/sitemaps/:file{[0-9]{4}-(?:0[1-9]|1[0-2])(?:-[2-9]|-[1-9][0-9]+)?\\.xml}", withoutQuery(), async (c) => {
  const [, month = "", part = "1"] = /^(\d{4}-\d{2})(?:-(\d+))?\.xml$/.exec(c.req.param("file")) ?? [];
  c.set("shows", showsOnly({ months: [month] }));
  const urls = await readMonthSitemap(c.var.db, month, Number(part), SITEMAP_MAX_URLS);
  if (!urls) throw notFound("没有这个月的文章");
  return c.body(renderUrlSet(c.env.SITE_URL, urls), 200, { "Content-Type": XML });
});

sitemaps.get(NEWS_SITEMAP_URL, withoutQuery(), async (c) => {
  showsSite(c, false);
  const now = Date.now();
  const urls = await readNewsSitemap(c.var.db, now - NEWS_WINDOW_MS, NEWS_MAX_URLS);
  // Nothing went out in the window: the sitemaps.org schema requires at least one <url>, and Google's rules admit
  // only articles of the last two days, so no valid document exists. A 404, kept briefly and purged (tagged with
  // the site's listing) by the next publication; crawlers read a missing sitemap as nothing new, and come back.
  if (urls.length === 0) throw notFound("最近两天没有新闻 / No news in the last two days");
  // No change purges an article that ages out of the window: the copy lasts until the oldest one does.
  const oldest = urls[urls.length - 1];
  if (oldest) c.set("freshFor", Math.max(1, Math.ceil((oldest.publishedAt + NEWS_WINDOW_MS - now) / 1000)));
  return c.body(renderNewsSitemap({ name: c.env.SITE_NAME, url: c.env.SITE_URL }, urls), 200, { "Content-Type": XML });
});
