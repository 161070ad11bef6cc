// A section page: its name and subsections, 20 articles newest first, and page links.
import { html } from "hono/html";
import type { SectionPage } from "../domain/listing.ts";
import { sectionUrl } from "../content/urls.ts";
import { listItem } from "./article-list.ts";
import { type RenderedPage, type Site, breadcrumb, layout } from "./layout.ts";
import { pagination } from "./pagination.ts";

export type SectionPageView = SectionPage & { site: Site; page: number; pageCount: number };

export function renderSectionPage(d: SectionPageView): RenderedPage {
  const section = d.chain[d.chain.length - 1];
  if (!section) throw new Error("a section page needs its section");
  const first = d.page === 1;
  const levels = d.chain.map((s) => ({ name: s.name, url: s === section && first ? null : sectionUrl(s.path) }));
  const heading = first ? section.name : `${section.name}（第${d.page}页）`;
  const main = html`${breadcrumb(d.site, levels)}
<div class="panel">
<header class="section-head">
<h1>${heading}</h1>
${section.description ? html`<p class="description">${section.description}</p>\n` : ""}${
    d.children.length
      ? html`<nav class="subsections" aria-label="子栏目"><ul>${d.children.map(
          (c) => html`<li><a href="${sectionUrl(c.path)}">${c.name}</a></li>`,
        )}</ul></nav>\n`
      : ""
  }</header>
${d.items.length ? html`<ol class="list">\n${d.items.map((a) => listItem(a, section.path))}</ol>` : html`<p class="empty">暂无文章</p>`}
${pagination(d.page, d.pageCount, (p) => sectionUrl(section.path, p))}
</div>`;
  return {
    html: layout({
      site: d.site,
      nav: d.nav,
      title: `${first ? section.name : `${section.name} - 第${d.page}页`} - ${d.site.name}`,
      description: section.description || `${d.site.name}${section.name}栏目：最新文章`,
      canonical: sectionUrl(section.path, d.page),
      current: d.chain[0]?.path ?? "",
      currentIsPage: d.chain.length === 1 && first,
      feedSection: section,
      main,
    }),
    shows: {
      articles: d.items.map((a) => a.id),
      listings: [section.path],
    },
  };
}
