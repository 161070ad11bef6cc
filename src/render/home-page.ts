// Home: a block per top-level section, in sort order, with its lead story and latest headlines.
import { html } from "hono/html";
import type { Home } from "../domain/listing.ts";
import { SITE_LISTING } from "../domain/shows.ts";
import { sectionUrl } from "../content/urls.ts";
import { headline, leadItem } from "./article-list.ts";
import { type RenderedPage, type Site, layout } from "./layout.ts";

export type HomePageView = Home & { site: Site };

export function renderHomePage(d: HomePageView): RenderedPage {
  const blocks = d.headlines.map(({ section, items }, index) => {
    const [lead, ...rest] = items;
    const id = `s-${section.path}`;
    return html`<section class="block" aria-labelledby="${id}">
<div class="block-head"><h2 id="${id}"><a href="${sectionUrl(section.path)}">${section.name}</a></h2><a class="more" href="${sectionUrl(section.path)}" aria-label="${section.name}：更多">更多 ›</a></div>
${lead ? leadItem(lead, index === 0) : html`<p class="empty">暂无文章</p>`}
${rest.length ? html`<ul class="headlines">\n${rest.map(headline)}</ul>` : ""}
</section>
`;
  });
  const main = html`<h1 class="visually-hidden">${d.site.name}</h1>
${blocks.length ? html`<div class="home">
${blocks}</div>` : html`<p class="empty panel">暂无栏目</p>`}`;
  return {
    html: layout({
      site: d.site,
      nav: d.nav,
      title: d.site.name,
      description: `${d.site.name}：${d.nav.map((s) => s.name).join("、")}`,
      canonical: "/",
      current: "",
      currentIsPage: true,
      main,
    }),
    shows: {
      articles: d.headlines.flatMap((h) => h.items.map((a) => a.id)),
      // Its blocks are the heads of every top-level section's listing, which together are the site's.
      listings: [SITE_LISTING],
    },
  };
}
