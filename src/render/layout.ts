// The frame of every reader page: head, masthead with the top-level section navigation, footer.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Section } from "../domain/section.ts";
import type { Shows } from "../domain/shows.ts";
import { FEED_FORMATS, type FeedFormat, feedUrl, sectionUrl } from "../content/urls.ts";
import { QUERY_LIMITS } from "../search/query.ts";
import { STYLESHEET_URL } from "./stylesheet.ts";
import type { Registration } from "../content/registration.ts";
import { siteFooter } from "./footer.ts";
import { FAVICON_URL, ICON_URL } from "./icon.ts";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The site as pages name it: SITE_NAME, SITE_URL for canonical links, and the lines its footer must carry. */
export type Site = { name: string; url: string; registration?: Registration };

/** A page and what it shows, so the edge cache can tag it without re-reading it. */
export type RenderedPage = { html: Html; shows: Shows };

export type LayoutData = {
  site: Site;
  /** Top-level sections, in sort order. */
  nav: Section[];
  /** The <title>, already composed (`标题 - 栏目 - 站名`). */
  title: string;
  description: string;
  /** Site-relative canonical path; made absolute with SITE_URL. */
  canonical?: string;
  /** Path of the top-level section the page belongs to, '' for home. */
  current?: string;
  /** True when the page is that section's (or home's) first page itself, not something inside it. */
  currentIsPage?: boolean;
  /** Pages search engines must not keep (previews, search results). */
  noindex?: boolean;
  /** The section whose feeds the page offers besides the site's (section and article pages). */
  feedSection?: Pick<Section, "path" | "name">;
  /** Other feeds the page offers besides the site's: a topic's, named and placed by format. */
  feeds?: { name: string; urlOf: (format: FeedFormat) => string };
  /** More of the head: an article's Open Graph, Twitter card and JSON-LD. */
  head?: Html;
  /** The query a results page shows, put back in the search box. */
  query?: string;
  main: Html;
};

const FEED_TYPES: Record<FeedFormat, { type: string; label: string }> = {
  rss: { type: "application/rss+xml", label: "RSS" },
  atom: { type: "application/atom+xml", label: "Atom" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};

/** Feed discovery: `<link rel="alternate">` for each format of a feed, which readers find from any page. */
function feedLinks(site: Site, urlOf: (format: FeedFormat) => string, name: string): Html[] {
  return FEED_FORMATS.map(
    (f) => html`<link rel="alternate" type="${FEED_TYPES[f].type}" href="${site.url}${urlOf(f)}" title="${name} ${FEED_TYPES[f].label}">
`,
  );
}

const ariaCurrent = (on: boolean, isPage: boolean) =>
  on ? (isPage ? html` aria-current="page"` : html` aria-current="true"`) : "";

/** The search box every page has: a plain GET form, so it works without script (the CSP allows none). */
const searchBox = (query: string) => html`<form class="search" action="/search" method="get" role="search">
<label class="visually-hidden" for="site-search">搜索本站新闻</label>
<input id="site-search" type="search" name="q" value="${query}" maxlength="${QUERY_LIMITS.chars}" placeholder="搜索新闻" enterkeyhint="search">
<button type="submit">搜索</button>
</form>`;

export function layout(d: LayoutData): Html {
  const isPage = d.currentIsPage ?? false;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
<meta name="description" content="${d.description}">
${d.noindex ? html`<meta name="robots" content="noindex, nofollow">
` : ""}${d.canonical !== undefined ? html`<link rel="canonical" href="${d.site.url}${d.canonical}">\n` : ""}${feedLinks(d.site, (f) => feedUrl("", f), d.site.name)}${
    d.feedSection ? feedLinks(d.site, (f) => feedUrl(d.feedSection?.path ?? "", f), `${d.feedSection.name} - ${d.site.name}`) : ""
  }${d.feeds ? feedLinks(d.site, d.feeds.urlOf, d.feeds.name) : ""}${d.head ?? ""}<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="icon" href="${FAVICON_URL}" sizes="32x32">
<link rel="icon" href="${ICON_URL}" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="masthead">
<div class="wrap masthead-top"><a class="brand" href="/">${d.site.name}</a>
${searchBox(d.query ?? "")}</div>
<nav class="sitenav" aria-label="栏目导航"><ul class="wrap">
<li><a href="/"${ariaCurrent(d.current === "", isPage)}>首页</a></li>
${d.nav.map((s) => html`<li><a href="${sectionUrl(s.path)}"${ariaCurrent(d.current === s.path, isPage)}>${s.name}</a></li>\n`)}</ul></nav>
</header>
<main id="main" class="wrap">
${d.main}
</main>
${siteFooter(d.site.name, d.site.registration)}
</body>
</html>
`;
}

/** 您所在的位置：site › 新闻 › 党政要闻 › (current). Every level links; the last is the page itself. */
export function breadcrumb(site: Site, levels: { name: string; url: string | null }[]): Html {
  return html`<nav class="crumbs" aria-label="您所在的位置"><span aria-hidden="true">您所在的位置：</span><ol>
<li><a href="/">${site.name}</a></li>
${levels.map((l) =>
  l.url === null ? html`<li aria-current="page">${l.name}</li>\n` : html`<li><a href="${l.url}">${l.name}</a></li>\n`,
)}</ol></nav>`;
}
