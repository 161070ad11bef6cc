// The article page: breadcrumb, kicker, title, subtitle, source and date, body, bylines, 上一篇 / 下一篇.
import { html, raw } from "hono/html";
import { type Article, type ArticleInContext, type ArticleStatus, type Byline, DESK_ROLES, type NeighbourArticle, reporters } from "../domain/article.ts";
import type { CoverFigure } from "../domain/media.ts";
import { formatChineseDate, toRfc3339 } from "../content/dates.ts";
import { excerpt } from "../content/markdown.ts";
import { articleUrl, mediaUrl, sectionUrl } from "../content/urls.ts";
import { articleMeta } from "./article-meta.ts";
import { type Html, type RenderedPage, type Site, breadcrumb, layout } from "./layout.ts";

export type ArticlePageData = Omit<ArticleInContext, "sectionPath" | "article"> & {
  site: Site;
  /** The article, with the time its page shows (a preview shows when it is to go out, or now). */
  article: Article & { publishedAt: number };
  /** A preview of a version that readers do not see (yet): marked as such, kept out of search engines. */
  preview?: { status: ArticleStatus };
};

const STATUS_NAMES: Record<ArticleStatus, string> = { draft: "草稿", submitted: "待审", scheduled: "定时发布", published: "已发布", archived: "已归档" };

/** Consecutive bylines with the same role share it: 记者 张三 李四. */
function byRole(bylines: Byline[]): { role: string; names: string[] }[] {
  const groups: { role: string; names: string[] }[] = [];
  for (const b of bylines) {
    const last = groups[groups.length - 1];
    if (last && last.role === b.role) last.names.push(b.name);
    else groups.push({ role: b.role, names: [b.name] });
  }
  return groups;
}

function credits(bylines: Byline[]): Html | string {
  if (bylines.length === 0) return "";
  const line = (list: Byline[]) =>
    list.length ? html`<p>${byRole(list).map((g) => html`<span>${g.role} ${g.names.join(" ")}</span>`)}</p>\n` : "";
  return html`<footer class="credits">
${line(reporters(bylines))}${line(bylines.filter((b) => DESK_ROLES.has(b.role)))}</footer>
`;
}

/** The cover, unless the body already shows the same image. */
function coverFigure(article: Article, cover: CoverFigure | null): Html | string {
  if (!cover || article.bodyHtml.includes(mediaUrl(cover.key))) return "";
  const size = cover.width && cover.height ? html` width="${cover.width}" height="${cover.height}"` : "";
  const caption = cover.caption + (cover.credit ? `（${cover.credit}）` : "");
  return html`<figure class="cover"><img src="${mediaUrl(cover.key)}" alt="${cover.alt}"${size} decoding="async">${
    caption ? html`<figcaption>${caption}</figcaption>` : ""
  }</figure>
`;
}

function neighbour(label: string, n: NeighbourArticle | null, rel: "prev" | "next"): Html {
  return n
    ? html`<li>${label}：<a href="${articleUrl(n.sectionPath, n.id)}" rel="${rel}">${n.title}</a></li>`
    : html`<li>${label}：<span class="none">没有了</span></li>`;
}

/** What the page's <main> holds: the article and what surrounds it on its page (an editor's preview shows exactly this). */
type ArticleMainData = Pick<ArticlePageData, "article" | "chain" | "site" | "older" | "newer" | "cover" | "preview">;

export function renderArticleMain(d: ArticleMainData): Html {
  const { article: a, chain, site } = d;
  return html`<div class="narrow">
${d.preview ? html`<p class="preview-note" role="status">预览（${STATUS_NAMES[d.preview.status]}）：读者尚看不到此版本</p>
` : ""}${breadcrumb(site, [...chain.map((s) => ({ name: s.name, url: sectionUrl(s.path) })), { name: "正文", url: null }])}
<article class="story panel">
<header class="story-head">
${a.kicker ? html`<p class="kicker">${a.kicker}</p>\n` : ""}<h1>${a.title}</h1>
${a.subtitle ? html`<p class="subtitle">${a.subtitle}</p>\n` : ""}<p class="story-meta">${
    a.source ? html`<span>来源：${a.source}</span>` : ""
  }<time datetime="${toRfc3339(a.publishedAt)}">${formatChineseDate(a.publishedAt)}</time></p>
</header>
${coverFigure(a, d.cover)}<div class="story-body">
${raw(a.bodyHtml)}
</div>
${credits(a.bylines)}</article>
<nav class="neighbours panel" aria-label="上一篇和下一篇"><ul>
${neighbour("上一篇", d.older, "prev")}
${neighbour("下一篇", d.newer, "next")}
</ul></nav>
</div>`;
}

export function renderArticlePage(d: ArticlePageData): RenderedPage {
  const { article: a, chain, site } = d;
  const section = chain[chain.length - 1];
  if (!section) throw new Error(`article ${a.id} has no section`);
  const main = renderArticleMain(d);
  const description = a.summary || excerpt(a.bodyText);
  const canonical = articleUrl(section.path, a.id);
  return {
    html: layout({
      site,
      nav: d.nav,
      title: `${a.title} - ${section.name} - ${site.name}`,
      description,
      canonical,
      // A preview is no public page: nothing for crawlers or link previews.
      ...(!d.preview && { head: articleMeta({ site, article: a, section, cover: d.cover, description, url: `${site.url}${canonical}` }) }),
      current: chain[0]?.path ?? "",
      feedSection: section,
      ...(d.preview && { noindex: true }),
      main,
    }),
    shows: {
      // Neighbours' titles are on the page: a change to them changes it.
      articles: [a.id, ...(d.older ? [d.older.id] : []), ...(d.newer ? [d.newer.id] : [])],
      listings: [],
      // The cover figure prints the image's stored alt text, caption and credit.
      images: d.cover ? [d.cover.key] : [],
    },
  };
}
