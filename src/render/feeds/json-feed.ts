// JSON Feed 1.1 (jsonfeed.org/version/1.1): the same items as the XML feeds, with `hubs` for WebSub.
import { toRfc3339 } from "../../content/dates.ts";
import type { FeedView, ItemView } from "./view.ts";

const item = (i: ItemView) => ({
  id: i.id,
  url: i.url,
  title: i.title,
  ...(i.summary ? { summary: i.summary } : {}),
  content_html: i.contentHtml,
  ...(i.image ? { image: i.image.url } : {}),
  date_published: toRfc3339(i.published),
  date_modified: toRfc3339(i.updated),
  ...(i.authors.length ? { authors: i.authors.map((name) => ({ name })) } : {}),
  tags: [i.section.name],
  language: "zh-CN",
});

export function renderJsonFeed(f: FeedView): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: f.title,
    home_page_url: f.homeUrl,
    feed_url: f.selfUrl,
    description: f.description,
    icon: f.iconUrl,
    favicon: f.iconUrl,
    language: "zh-CN",
    authors: [{ name: f.siteName, url: f.siteUrl }],
    ...(f.hub ? { hubs: [{ type: "WebSub", url: f.hub }] } : {}),
    items: f.items.map(item),
  });
}
