// What an article page tells crawlers and link previews in its head: Open Graph (ogp.me, with the article
// properties), a Twitter card, and schema.org NewsArticle JSON-LD as Google reads it. Dates are the instants
// the page shows, in RFC 3339 with the Shanghai offset.
import { html, raw } from "hono/html";
import { type Article, reporters } from "../domain/article.ts";
import type { CoverFigure } from "../domain/media.ts";
import type { Section } from "../domain/section.ts";
import { toRfc3339 } from "../content/dates.ts";
import { mediaUrl } from "../content/urls.ts";
import type { Html, Site } from "./layout.ts";
import { LOGO_SIZE, LOGO_URL } from "./logo.ts";

export type ArticleMeta = {
  site: Site;
  article: Article & { publishedAt: number };
  section: Pick<Section, "name">;
  cover: CoverFigure | null;
  description: string;
  /** The page's canonical absolute URL. */
  url: string;
};

/**
 * JSON for a <script> element: the HTML parser ends the element at the first `</script` whatever JSON thinks,
 * and `<!--` changes how it reads on, so no `<` may stand in it (nor `>` or `&`, for good measure); U+2028
 * and U+2029 are escaped too, for parsers that take the text as JavaScript.
 */
const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

const meta = (property: string, content: string | number) => html`<meta property="${property}" content="${String(content)}">\n`;
const named = (name: string, content: string) => html`<meta name="${name}" content="${content}">\n`;

export function articleMeta(d: ArticleMeta): Html {
  const a = d.article;
  const logo = { url: `${d.site.url}${LOGO_URL}`, ...LOGO_SIZE, alt: d.site.name };
  // The cover when there is one; otherwise the site's mark, so a shared link never shows a blank.
  const image = d.cover
    ? { url: `${d.site.url}${mediaUrl(d.cover.key)}`, width: d.cover.width, height: d.cover.height, alt: d.cover.alt || a.title }
    : logo;
  const published = toRfc3339(a.publishedAt);
  const modified = toRfc3339(a.updatedAt);
  const authors = reporters(a.bylines).map((b) => ({ "@type": "Person", name: b.name }));
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: d.description,
    datePublished: published,
    dateModified: modified,
    // Only reporters are authors; with none (a desk byline alone) none is claimed.
    ...(authors.length ? { author: authors } : {}),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: d.site.name,
      url: `${d.site.url}/`,
      logo: { "@type": "ImageObject", url: logo.url, width: logo.width, height: logo.height },
    },
    image: [image.url],
    articleSection: d.section.name,
    inLanguage: "zh-CN",
    mainEntityOfPage: { "@type": "WebPage", "@id": d.url },
  };
  return html`${meta("og:type", "article")}${meta("og:site_name", d.site.name)}${meta("og:locale", "zh_CN")}${meta("og:title", a.title)}${meta("og:description", d.description)}${meta("og:url", d.url)}${meta("og:image", image.url)}${
    image.width && image.height ? html`${meta("og:image:width", image.width)}${meta("og:image:height", image.height)}` : ""
  }${meta("og:image:alt", image.alt)}${meta("article:published_time", published)}${meta("article:modified_time", modified)}${meta("article:section", d.section.name)}${named(
    "twitter:card",
    d.cover ? "summary_large_image" : "summary",
  )}${named("twitter:title", a.title)}${named("twitter:description", d.description)}${named("twitter:image", image.url)}${named("twitter:image:alt", image.alt)}<script type="application/ld+json">${raw(
    jsonForScript(jsonLd),
  )}</script>
`;
}
