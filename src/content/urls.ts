// Canonical URLs, in the legacy DedeCMS / PHPCMS form that old links and search engines already know.

/** `/html/xw/dzyw/88594.html` */
export const articleUrl = (sectionPath: string, id: number) => `/html/${sectionPath}/${id}.html`;

/** `/html/xw/dzyw/` for page 1, `/html/xw/dzyw/index_2.html` after. */
export const sectionUrl = (sectionPath: string, page = 1) =>
  page <= 1 ? `/html/${sectionPath}/` : `/html/${sectionPath}/index_${page}.html`;

export const mediaUrl = (key: string) => `/media/${key}`;

/** Section paths are lowercase ASCII segments joined by '/': 'xw', 'xw/dzyw'. */
export const SECTION_PATH = /^[a-z0-9][a-z0-9-]{0,31}(?:\/[a-z0-9][a-z0-9-]{0,31}){0,3}$/;

/** 'xw/dzyw/xyz' → ['xw', 'xw/dzyw', 'xw/dzyw/xyz']: the section and its ancestors, root first. */
export function sectionPathChain(path: string): string[] {
  const parts = path.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** Feed formats, each at its file name: the site's at `/rss.xml`, a section's at `/html/xw/rss.xml`. */
export const FEED_FILES = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof FEED_FILES;
export const FEED_FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/** `/rss.xml` for the whole site (section path ""), `/html/xw/dzyw/rss.xml` for a section and its subsections. */
export const feedUrl = (sectionPath: string, format: FeedFormat) =>
  sectionPath === "" ? `/${FEED_FILES[format]}` : `/html/${sectionPath}/${FEED_FILES[format]}`;

/** A topic (专题): `/special/lanjiang/` for page 1, `/special/lanjiang/index_2.html` after. */
export const topicUrl = (slug: string, page = 1) => (page <= 1 ? `/special/${slug}/` : `/special/${slug}/index_${page}.html`);

/** A topic's feeds, beside its pages: `/special/lanjiang/rss.xml`. */
export const topicFeedUrl = (slug: string, format: FeedFormat) => `/special/${slug}/${FEED_FILES[format]}`;

/** The sitemap index, and the sitemaps it lists. */
export const SITEMAP_INDEX_URL = "/sitemap.xml";
export const NEWS_SITEMAP_URL = "/sitemap-news.xml";
export const SECTIONS_SITEMAP_URL = "/sitemaps/sections.xml";

/** `/sitemaps/2023-06.xml`, and `/sitemaps/2023-06-2.xml` for the second 50,000 of a very busy month. */
export const monthSitemapUrl = (month: string, part = 1) => `/sitemaps/${month}${part > 1 ? `-${part}` : ""}.xml`;

/**
 * `/search?q=光伏&page=2`, spelled as a browser's GET form spells it (application/x-www-form-urlencoded,
 * spaces as +), so a search typed into the box is already at its canonical URL. No query: `/search`.
 */
export function searchUrl(query: string, page = 1): string {
  if (query === "") return "/search";
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}
