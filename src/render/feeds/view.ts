// What every feed format says, worked out once: absolute URLs from SITE_URL, ids that survive edits and
// moves, the summary, the authors, the body with absolute links. The formats only spell it out.
import { reporters } from "../../domain/article.ts";
import type { Feed, FeedItem } from "../../domain/feed.ts";
import { withAbsoluteUrls } from "../../content/absolute-html.ts";
import { type FeedFormat, articleUrl, feedUrl, mediaUrl, sectionUrl, topicFeedUrl, topicUrl } from "../../content/urls.ts";
import { excerpt } from "../../content/markdown.ts";
import { summaryOf } from "../article-list.ts";
import type { Site } from "../layout.ts";
import { LOGO_URL } from "../logo.ts";

/** The site as feeds name it, and the WebSub hub they advertise (null: none configured). */
export type FeedSite = Site & { hub: string | null };

export type ItemView = {
  /** A tag URI (RFC 4151) of the article id: the same after every edit and every move between sections. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The sanitized body, its links and images absolute. */
  contentHtml: string;
  authors: string[];
  section: { path: string; name: string; url: string };
  image: { url: string; type: string; bytes: number; width: number | null; height: number | null; alt: string } | null;
  published: number;
  updated: number;
};

export type FeedView = {
  id: string;
  title: string;
  description: string;
  /** The page the feed follows: home, or the section's first page. */
  homeUrl: string;
  /** This feed's own URL, in the format being rendered. */
  selfUrl: string;
  hub: string | null;
  iconUrl: string;
  siteName: string;
  siteUrl: string;
  lastModified: number;
  items: ItemView[];
};

/** `tag:qinglan.example,2026:article/88594`. The year names when the site took its domain, not the article. */
const tagUri = (site: Site, specific: string) => `tag:${new URL(site.url).hostname},2026:${specific}`;

function itemView(site: Site, item: FeedItem): ItemView {
  const url = `${site.url}${articleUrl(item.sectionPath, item.id)}`;
  return {
    id: tagUri(site, `article/${item.id}`),
    url,
    title: item.title,
    summary: summaryOf(item),
    contentHtml: withAbsoluteUrls(item.bodyHtml, url),
    authors: reporters(item.bylines).map((b) => b.name),
    section: { path: item.sectionPath, name: item.sectionName, url: `${site.url}${sectionUrl(item.sectionPath)}` },
    image: item.cover
      ? {
          url: `${site.url}${mediaUrl(item.cover.key)}`,
          type: item.cover.contentType,
          bytes: item.cover.bytes,
          width: item.cover.width,
          height: item.cover.height,
          alt: item.cover.alt,
        }
      : null,
    published: item.publishedAt,
    updated: item.updatedAt,
  };
}

/** What names the feed: the site's, a section's (and its subsections'), or a topic's. */
type FeedIdentity = Pick<FeedView, "id" | "title" | "description" | "homeUrl" | "selfUrl">;

function identityOf(site: FeedSite, feed: Feed, format: FeedFormat): FeedIdentity {
  const { topic } = feed;
  if (topic) {
    return {
      id: tagUri(site, `feed/special/${topic.slug}`),
      // As its page titles itself: 岚江防汛 - 专题 - 青岚传媒网.
      title: `${topic.title} - 专题 - ${site.name}`,
      description: excerpt(topic.description) || `${site.name}专题：${topic.title}`,
      homeUrl: `${site.url}${topicUrl(topic.slug)}`,
      selfUrl: `${site.url}${topicFeedUrl(topic.slug, format)}`,
    };
  }
  const section = feed.chain[feed.chain.length - 1];
  const path = section?.path ?? "";
  return {
    id: tagUri(site, path ? `feed/${path}` : "feed"),
    // As the pages title themselves: 党政要闻 - 新闻 - 青岚传媒网.
    title: [...feed.chain.map((s) => s.name).reverse(), site.name].join(" - "),
    description: section ? section.description || `${site.name}${section.name}栏目：最新文章` : `${site.name}：最新文章`,
    homeUrl: `${site.url}${section ? sectionUrl(section.path) : "/"}`,
    selfUrl: `${site.url}${feedUrl(path, format)}`,
  };
}

export function feedView(site: FeedSite, feed: Feed, format: FeedFormat): FeedView {
  return {
    ...identityOf(site, feed, format),
    hub: site.hub,
    iconUrl: `${site.url}${LOGO_URL}`,
    siteName: site.name,
    siteUrl: `${site.url}/`,
    lastModified: feed.lastModified,
    items: feed.items.map((item) => itemView(site, item)),
  };
}
