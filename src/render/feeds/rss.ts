// RSS 2.0 (rssboard.org/rss-specification), with the modules readers expect of a news feed: content:encoded
// for the whole body, dc:creator for bylines (RSS's own <author> must be an e-mail address), media:content
// for the cover's size, and atom:link for self and the WebSub hub. Dates in RFC 822, in Shanghai time.
import { escapeToBuffer } from "hono/utils/html";
import { toRfc3339, toRfc822 } from "../../content/dates.ts";
import { XML_DECLARATION, attributes, cdata, element, escapeXml } from "../xml.ts";
import type { FeedView, ItemView } from "./view.ts";

/**
 * RSS's <description> is HTML: readers render it (feedparser reads it as text/html and sanitizes it), so
 * plain text escaped for XML alone loses to them whatever looks like markup — `a<b>c</b>` shows bold, a
 * `<d>` in the text vanishes as an unknown tag, `&amp;` shows as `&`. The text is written as HTML first,
 * then that HTML escaped into XML.
 */
function description(text: string): string {
  const buffer: [string] = [""];
  escapeToBuffer(text, buffer);
  return element("description", buffer[0]);
}

function item(i: ItemView): string {
  const image = i.image;
  return [
    "<item>",
    element("title", i.title),
    element("link", i.url),
    `<guid isPermaLink="false">${escapeXml(i.id)}</guid>`,
    element("pubDate", toRfc822(i.published)),
    element("atom:updated", toRfc3339(i.updated)),
    ...i.authors.map((name) => element("dc:creator", name)),
    `<category ${attributes({ domain: i.section.url })}>${escapeXml(i.section.name)}</category>`,
    description(i.summary),
    `<content:encoded>${cdata(i.contentHtml)}</content:encoded>`,
    ...(image
      ? [
          `<enclosure ${attributes({ url: image.url, length: image.bytes, type: image.type })}/>`,
          `<media:content ${attributes({
            url: image.url,
            type: image.type,
            medium: "image",
            fileSize: image.bytes,
            ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
          })}>${image.alt ? `<media:description type="plain">${escapeXml(image.alt)}</media:description>` : ""}</media:content>`,
        ]
      : []),
    "</item>",
  ].join("\n");
}

export function renderRss(f: FeedView): string {
  const newest = f.items[0];
  return [
    XML_DECLARATION,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">`,
    "<channel>",
    element("title", f.title),
    element("link", f.homeUrl),
    description(f.description),
    element("language", "zh-cn"),
    element("lastBuildDate", toRfc822(f.lastModified)),
    ...(newest ? [element("pubDate", toRfc822(newest.published))] : []),
    element("generator", "Masthead"),
    element("docs", "https://www.rssboard.org/rss-specification"),
    `<atom:link ${attributes({ rel: "self", type: "application/rss+xml", href: f.selfUrl })}/>`,
    ...(f.hub ? [`<atom:link ${attributes({ rel: "hub", href: f.hub })}/>`] : []),
    ...f.items.map(item),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
