// Atom 1.0 (RFC 4287): ids that never change, the summary as text and the body as escaped HTML, the cover as
// an enclosure link, and self and hub links for WebSub. The feed names the site as its author, since an entry
// without bylines needs one (§4.1.1).
import { toRfc3339 } from "../../content/dates.ts";
import { XML_DECLARATION, attributes, element, escapeXml } from "../xml.ts";
import type { FeedView, ItemView } from "./view.ts";

const link = (attrs: Record<string, string | number>) => `<link ${attributes(attrs)}/>`;

function entry(i: ItemView, siteUrl: string): string {
  return [
    "<entry>",
    element("id", i.id),
    `<title type="text">${escapeXml(i.title)}</title>`,
    link({ rel: "alternate", type: "text/html", href: i.url }),
    element("published", toRfc3339(i.published)),
    element("updated", toRfc3339(i.updated)),
    ...i.authors.map((name) => `<author>${element("name", name)}</author>`),
    `<category ${attributes({ term: i.section.path, label: i.section.name, scheme: `${siteUrl}html/` })}/>`,
    ...(i.summary ? [`<summary type="text">${escapeXml(i.summary)}</summary>`] : []),
    `<content type="html">${escapeXml(i.contentHtml)}</content>`,
    ...(i.image ? [link({ rel: "enclosure", type: i.image.type, length: i.image.bytes, href: i.image.url })] : []),
    "</entry>",
  ].join("\n");
}

export function renderAtom(f: FeedView): string {
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
    element("id", f.id),
    `<title type="text">${escapeXml(f.title)}</title>`,
    `<subtitle type="text">${escapeXml(f.description)}</subtitle>`,
    element("updated", toRfc3339(f.lastModified)),
    link({ rel: "alternate", type: "text/html", href: f.homeUrl }),
    link({ rel: "self", type: "application/atom+xml", href: f.selfUrl }),
    ...(f.hub ? [link({ rel: "hub", href: f.hub })] : []),
    `<author>${element("name", f.siteName)}${element("uri", f.siteUrl)}</author>`,
    `<generator>Masthead</generator>`,
    element("icon", f.iconUrl),
    ...f.items.map((i) => entry(i, f.siteUrl)),
    "</feed>",
    "",
  ].join("\n");
}
