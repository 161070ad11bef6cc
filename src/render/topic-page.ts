// A topic's page (专题): its banner, title and introduction, a line of its groups (each linking to where it
// starts), then the page's articles group by group — 20 a page, newest first within each group — and page links.
import { html, raw } from "hono/html";
import type { ListedArticle } from "../domain/listing.ts";
import type { ListedGroup, TopicPage } from "../domain/topic.ts";
import { excerpt } from "../content/markdown.ts";
import { mediaUrl, topicFeedUrl, topicUrl } from "../content/urls.ts";
import { listItem } from "./article-list.ts";
import { type Html, type RenderedPage, type Site, breadcrumb, layout } from "./layout.ts";
import { pagination } from "./pagination.ts";

export type TopicPageView = TopicPage & { site: Site; page: number; pageCount: number; pageSize: number };

/** The page a listing position is shown on: positions count up from the last shown, so the highest is first. */
const pageOfPosition = (total: number, position: number, pageSize: number) => Math.floor((total - position) / pageSize) + 1;

const groupAnchor = (g: Pick<ListedGroup, "id">) => `g-${g.id}`;

/** The page's articles cut into runs of one group each, in order. */
function runsOf(items: TopicPage["items"]): { groupId: number; items: ListedArticle[] }[] {
  const runs: { groupId: number; items: ListedArticle[] }[] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last.groupId === item.groupId) last.items.push(item);
    else runs.push({ groupId: item.groupId, items: [item] });
  }
  return runs;
}

/** The groups that list anything, each linking to the page and place where it starts. */
function groupNav(d: TopicPageView): Html | string {
  const listed = d.groups.filter((g) => g.listed > 0 && g.firstPosition !== null && g.name !== "");
  if (listed.length < 2) return "";
  return html`<nav class="topic-groups" aria-label="专题分组"><ul>
${listed.map((g) => {
  const page = pageOfPosition(d.total, g.firstPosition as number, d.pageSize);
  return html`<li><a href="${topicUrl(d.topic.slug, page)}#${groupAnchor(g)}">${g.name}</a></li>\n`;
})}</ul></nav>`;
}

/** One group's articles on this page: its heading where it starts, "（续）" on the pages it continues onto. */
function groupSection(d: TopicPageView, run: { groupId: number; items: ListedArticle[] }, firstOnPage: boolean): Html {
  const group = d.groups.find((g) => g.id === run.groupId);
  // Under a group's h2 its articles' titles are h3; a group without a heading lists them as h2.
  const named = group !== undefined && group.name !== "";
  const list = html`<ol class="list">\n${run.items.map((a) => listItem(a, "", named ? 3 : 2))}</ol>`;
  if (!named) return html`<div class="topic-group">${list}</div>\n`;
  const starts = firstOnPage ? d.page === pageOfPosition(d.total, group.firstPosition ?? 0, d.pageSize) : true;
  const id = starts ? groupAnchor(group) : `${groupAnchor(group)}-p${d.page}`;
  return html`<section class="topic-group" aria-labelledby="${id}">
<h2 id="${id}">${group.name}${starts ? "" : "（续）"}</h2>
${list}
</section>
`;
}

export function renderTopicPage(d: TopicPageView): RenderedPage {
  const { topic } = d;
  const first = d.page === 1;
  const levels = [
    { name: `专题：${topic.title}`, url: first ? null : topicUrl(topic.slug) },
    ...(first ? [] : [{ name: `第${d.page}页`, url: null }]),
  ];
  const banner = topic.bannerImage;
  const size = banner?.width && banner.height ? html` width="${banner.width}" height="${banner.height}"` : "";
  const runs = runsOf(d.items);
  const main = html`${breadcrumb(d.site, levels)}
<div class="panel topic">
<header class="topic-head">
${banner ? html`<img class="topic-banner" src="${mediaUrl(banner.key)}" alt="${banner.alt}"${size} decoding="async">\n` : ""}<p class="kicker">专题</p>
<h1>${first ? topic.title : `${topic.title}（第${d.page}页）`}</h1>
${first && topic.introHtml ? html`<div class="topic-intro">${raw(topic.introHtml)}</div>\n` : ""}${groupNav(d)}
</header>
${runs.length ? runs.map((run, i) => groupSection(d, run, i === 0)) : html`<p class="empty">暂无文章</p>`}
${pagination(d.page, d.pageCount, (p) => topicUrl(topic.slug, p))}
</div>`;
  return {
    html: layout({
      site: d.site,
      nav: d.nav,
      title: `${first ? topic.title : `${topic.title} - 第${d.page}页`} - 专题 - ${d.site.name}`,
      description: excerpt(topic.introText) || `${d.site.name}专题：${topic.title}`,
      canonical: topicUrl(topic.slug, d.page),
      feeds: { name: `${topic.title} - 专题 - ${d.site.name}`, urlOf: (format) => topicFeedUrl(topic.slug, format) },
      main,
    }),
    shows: {
      articles: d.items.map((a) => a.id),
      listings: [],
      topics: [topic.slug],
      // The banner prints its stored alt text.
      images: banner ? [banner.key] : [],
    },
  };
}
