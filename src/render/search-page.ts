// The search results page, in the site's look: the query, how much was found, 20 hits a page (title,
// snippet, section, date, the query marked), page links. Kept out of search engines' indexes.
import { html } from "hono/html";
import type { Section } from "../domain/section.ts";
import type { SearchResults } from "../domain/search.ts";
import type { SearchQuery } from "../search/query.ts";
import { formatChineseDate, toRfc3339 } from "../content/dates.ts";
import { articleUrl, searchUrl, sectionUrl } from "../content/urls.ts";
import { type Html, type RenderedPage, type Site, breadcrumb, layout } from "./layout.ts";
import { segmentsHtml } from "./highlight.ts";
import { hitView } from "./search-hit.ts";
import { pagination } from "./pagination.ts";
import { showsOnly } from "../domain/shows.ts";

export const HITS_PER_PAGE = 20;

/** What the page shows: results, or a note instead of them (nothing typed yet, or a query refused). */
export type SearchPageView = { site: Site; nav: Section[]; text: string } & (
  | { kind: "results"; query: SearchQuery; results: SearchResults; page: number }
  | { kind: "note"; note: string }
);

function summaryLine(d: Extract<SearchPageView, { kind: "results" }>): Html {
  const { total, capped } = d.results;
  if (total === 0) return html`<p class="description">没有找到相关文章。请检查用字，或换用更短、更常见的词。</p>`;
  if (capped) return html`<p class="description">相关文章很多，以下是最新的 ${total.toLocaleString("en-US")} 篇中最相关的结果。</p>`;
  return html`<p class="description">找到 ${total} 篇相关文章。</p>`;
}

function hitList(d: Extract<SearchPageView, { kind: "results" }>): Html | string {
  if (d.results.hits.length === 0) return "";
  return html`<ol class="list hits">
${d.results.hits.map((hit) => {
  const view = hitView(hit, d.query.phrases);
  const date = hit.publishedAt ?? hit.updatedAt;
  return html`<li class="item">
<div class="item-text">
<h2><a href="${articleUrl(hit.sectionPath, hit.id)}">${segmentsHtml(view.title)}</a></h2>
<p class="summary">${segmentsHtml(view.snippet)}</p>
<p class="item-meta"><a href="${sectionUrl(hit.sectionPath)}">${hit.sectionName}</a><time datetime="${toRfc3339(date)}">${formatChineseDate(date)}</time></p>
</div>
</li>
`;
})}</ol>`;
}

export function renderSearchPage(d: SearchPageView): RenderedPage {
  const heading = d.text ? html`搜索：${d.text}` : html`站内搜索`;
  const body =
    d.kind === "note"
      ? html`<p class="description">${d.note}</p>`
      : html`${summaryLine(d)}
${hitList(d)}
${pagination(d.page, Math.max(1, Math.ceil(d.results.total / HITS_PER_PAGE)), (p) => searchUrl(d.text, p))}`;
  const main = html`${breadcrumb(d.site, [{ name: "搜索", url: null }])}
<div class="panel">
<header class="section-head">
<h1>${heading}</h1>
</header>
${body}
</div>`;
  const page = d.kind === "results" && d.page > 1 ? `（第${d.page}页）` : "";
  return {
    html: layout({
      site: d.site,
      nav: d.nav,
      title: `${d.text ? `${d.text} - 搜索结果${page}` : "站内搜索"} - ${d.site.name}`,
      description: `${d.site.name}站内搜索`,
      noindex: true,
      query: d.text,
      main,
    }),
    shows: showsOnly({ search: true }),
  };
}
