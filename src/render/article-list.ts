// How a listed article looks in section pages and on home: title link, date, summary, thumbnail.
import { html } from "hono/html";
import type { ListedArticle } from "../domain/listing.ts";
import type { CoverImage } from "../domain/media.ts";
import { formatChineseDate, formatIsoDate, toRfc3339 } from "../content/dates.ts";
import { excerpt } from "../content/markdown.ts";
import { articleUrl, mediaUrl, sectionUrl } from "../content/urls.ts";
import type { Html } from "./layout.ts";

/** The summary an editor wrote, or the opening of the body when there is none. */
export const summaryOf = (a: Pick<ListedArticle, "summary" | "bodyStart">) => a.summary || excerpt(a.bodyStart);

const urlOf = (a: ListedArticle) => articleUrl(a.sectionPath, a.id);

/**
 * A title as lists print it: in <strong> when the article carries the old sites' 加粗 flag, as DedeCMS's
 * list tags print it (its emphasis is the editor's, so it is the element's meaning, not only a look).
 */
export const titleText = (a: Pick<ListedArticle, "title" | "titleBold">, title = a.title): Html | string =>
  a.titleBold ? html`<strong>${title}</strong>` : title;

/**
 * A cover as a linked thumbnail; the CSS box keeps its space even before the image arrives.
 * Lazy unless it is likely to be the first thing seen (the page's largest paint waits for it).
 */
function thumbnail(a: ListedArticle, cover: CoverImage, eager = false): Html {
  const size = cover.width && cover.height ? html` width="${cover.width}" height="${cover.height}"` : "";
  // The title next to it names the link; the image adds nothing a screen reader needs twice.
  return html`<a class="thumb" href="${urlOf(a)}" tabindex="-1" aria-hidden="true"><img src="${mediaUrl(cover.key)}" alt=""${size}${eager ? "" : html` loading="lazy"`} decoding="async"></a>`;
}

/**
 * One entry of a section page. `listedIn` is the section being listed: others get a label. Its title is an h2
 * under the page's h1, or an h3 where the list sits under a heading of its own (a topic's group).
 */
export function listItem(a: ListedArticle, listedIn: string, level: 2 | 3 = 2): Html {
  const summary = summaryOf(a);
  const title = html`<a href="${urlOf(a)}">${titleText(a)}</a>`;
  return html`<li class="item">
<div class="item-text">
${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${summary ? html`<p class="summary">${summary}</p>\n` : ""}<p class="item-meta">${
    a.sectionPath !== listedIn ? html`<a href="${sectionUrl(a.sectionPath)}">${a.sectionName}</a>` : ""
  }<time datetime="${toRfc3339(a.publishedAt)}">${formatChineseDate(a.publishedAt)}</time></p>
</div>
${a.cover ? thumbnail(a, a.cover) : ""}</li>
`;
}

/** The first headline of a home block: with its summary and cover. */
export function leadItem(a: ListedArticle, eager = false): Html {
  const summary = summaryOf(a);
  return html`<article class="lead">
${a.cover ? thumbnail(a, a.cover, eager) : ""}<div>
<h3><a href="${urlOf(a)}">${titleText(a)}</a></h3>
${summary ? html`<p>${summary}</p>` : ""}
</div>
</article>
`;
}

/** A headline line: title and short date (06-02). */
export function headline(a: ListedArticle): Html {
  return html`<li><a href="${urlOf(a)}">${titleText(a)}</a><time datetime="${toRfc3339(a.publishedAt)}">${formatIsoDate(a.publishedAt).slice(5)}</time></li>
`;
}
