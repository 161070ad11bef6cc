// Sitemaps as crawlers read them: the index (sitemaps.org 0.9 sitemapindex), url sets with each page's last
// change, and the Google News sitemap. Every URL absolute and canonical; dates are W3C datetimes with the
// Shanghai offset; text through the one XML escaper.
import type { NewsUrl, SitemapUrl } from "../domain/sitemap.ts";
import { toRfc3339 } from "../content/dates.ts";
import { XML_DECLARATION, element } from "./xml.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

const lastmod = (ms: number) => (ms > 0 ? element("lastmod", toRfc3339(ms)) : "");

/** The index: each sitemap's absolute URL and when it last changed. */
export function renderSitemapIndex(siteUrl: string, sitemaps: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map((s) => `<sitemap>${element("loc", `${siteUrl}${s.path}`)}${lastmod(s.lastmod)}</sitemap>`),
    "</sitemapindex>",
    "",
  ].join("\n");
}

export function renderUrlSet(siteUrl: string, urls: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}">`,
    ...urls.map((u) => `<url>${element("loc", `${siteUrl}${u.path}`)}${lastmod(u.lastmod)}</url>`),
    "</urlset>",
    "",
  ].join("\n");
}

/** Google News: each article with the publication's name and language, its publication time and title. */
export function renderNewsSitemap(site: { name: string; url: string }, urls: NewsUrl[]): string {
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...urls.map((u) =>
      [
        `<url>${element("loc", `${site.url}${u.path}`)}`,
        `<news:news><news:publication>${element("news:name", site.name)}${element("news:language", "zh-cn")}</news:publication>`,
        `${element("news:publication_date", toRfc3339(u.publishedAt))}${element("news:title", u.title)}</news:news></url>`,
      ].join(""),
    ),
    "</urlset>",
    "",
  ].join("\n");
}

/** robots.txt (RFC 9309): everything readers see may be crawled; the editors' API and previews may not. */
export function renderRobots(siteUrl: string, sitemaps: string[]): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/v1/admin/",
    "Disallow: /preview/",
    "",
    ...sitemaps.map((path) => `Sitemap: ${siteUrl}${path}`),
    "",
  ].join("\n");
}
