// Home: the 头条 band across the top, then the 幻灯 focus pictures beside the 推荐 list, a block per top-level
// section with its lead story and latest headlines, and a right rail with the newsroom's other slots and its
// newest topics. On a phone, one column in that order: the source order is the reading order.
import { html } from "hono/html";
import type { FrontPage } from "../domain/front-page.ts";
import { HOME_SLOTS, type ShownSlot, type ShownSlotItem } from "../domain/slot.ts";
import type { TopicRef } from "../domain/topic.ts";
import { ALL, SITE_LISTING } from "../domain/shows.ts";
import { formatIsoDate, toRfc3339 } from "../content/dates.ts";
import { articleUrl, mediaUrl, sectionUrl, topicUrl } from "../content/urls.ts";
import { headline, leadItem, summaryOf, titleText } from "./article-list.ts";
import { type Html, type RenderedPage, type Site, layout } from "./layout.ts";

export type HomePageView = FrontPage & { site: Site };

const urlOf = (i: ShownSlotItem) => articleUrl(i.sectionPath, i.id);

/** 头条: one or two stories across the page, large, each with its subtitle (or the start of its summary). */
function band(slot: ShownSlot | undefined): Html | string {
  if (!slot?.items.length) return "";
  return html`<section class="top-story" aria-labelledby="slot-${slot.slug}">
<h2 class="visually-hidden" id="slot-${slot.slug}">${slot.name}</h2>
${slot.items.map((i) => {
  const deck = i.subtitle || summaryOf(i);
  return html`<article class="top-story-item">
<h3><a href="${urlOf(i)}">${i.title}</a></h3>
${deck ? html`<p>${deck}</p>\n` : ""}</article>
`;
})}</section>
`;
}

/**
 * 幻灯 without script (the site's CSP allows none): a strip that scrolls sideways and snaps to each picture —
 * by swipe, by the scroll bar, by Tab through the slides' links (each scrolls into view as it takes focus)
 * or by the numbered links under it. It never moves by itself: nothing to pause, nothing to startle.
 */
function focus(slot: ShownSlot | undefined): Html | string {
  const slides = (slot?.items ?? []).filter((i) => i.picture !== null);
  if (!slot || slides.length === 0) return "";
  const id = (n: number) => `focus-${n + 1}`;
  return html`<section class="focus" aria-labelledby="slot-${slot.slug}">
<h2 class="visually-hidden" id="slot-${slot.slug}">${slot.name}</h2>
<ul class="focus-strip">
${slides.map((i, n) => {
  const p = i.picture;
  const size = p?.width && p.height ? html` width="${p.width}" height="${p.height}"` : "";
  // The caption names the link; the picture adds nothing a screen reader needs twice.
  return html`<li class="slide" id="${id(n)}"><a href="${urlOf(i)}"><img src="${mediaUrl(p?.key ?? "")}" alt=""${size}${n ? html` loading="lazy"` : ""} decoding="async"><span class="slide-caption">${titleText(i, i.title)}<span class="slide-count"> ${n + 1}/${slides.length}</span></span></a></li>
`;
})}</ul>
${slides.length > 1 ? html`<nav class="focus-nav" aria-label="${slot.name}：选择图片"><ol>${slides.map((i, n) => html`<li><a href="#${id(n)}" aria-label="第${n + 1}张：${i.title}">${n + 1}</a></li>`)}</ol></nav>\n` : ""}</section>
`;
}

/** A slot as a titled list of headlines (推荐, and the slots a newsroom adds, in the rail). */
function slotList(slot: ShownSlot, className: string): Html | string {
  if (!slot.items.length) return "";
  return html`<section class="block ${className}" aria-labelledby="slot-${slot.slug}">
<div class="block-head"><h2 id="slot-${slot.slug}">${slot.name}</h2></div>
<ul class="headlines">
${slot.items.map(
  (i) => html`<li><a href="${urlOf(i)}">${titleText(i, i.title)}</a><time datetime="${toRfc3339(i.publishedAt)}">${formatIsoDate(i.publishedAt).slice(5)}</time></li>
`,
)}</ul>
</section>
`;
}

function topicsBlock(topics: readonly TopicRef[]): Html | string {
  if (!topics.length) return "";
  return html`<section class="block rail-topics" aria-labelledby="rail-topics">
<div class="block-head"><h2 id="rail-topics">专题</h2></div>
<ul>
${topics.map(
  (t) => html`<li>${
    t.banner ? html`<a class="thumb" href="${topicUrl(t.slug)}" tabindex="-1" aria-hidden="true"><img src="${mediaUrl(t.banner.key)}" alt="" loading="lazy" decoding="async"></a>` : ""
  }<a href="${topicUrl(t.slug)}">${t.title}</a></li>
`,
)}</ul>
</section>
`;
}

function sectionBlocks(d: HomePageView): Html {
  const blocks = d.headlines.map(({ section, items }, index) => {
    const [lead, ...rest] = items;
    const id = `s-${section.path}`;
    return html`<section class="block" aria-labelledby="${id}">
<div class="block-head"><h2 id="${id}"><a href="${sectionUrl(section.path)}">${section.name}</a></h2><a class="more" href="${sectionUrl(section.path)}" aria-label="${section.name}：更多">更多 ›</a></div>
${lead ? leadItem(lead, index === 0 && !d.slots.some((s) => s.slug === HOME_SLOTS.focus && s.items.length)) : html`<p class="empty">暂无文章</p>`}
${rest.length ? html`<ul class="headlines">\n${rest.map(headline)}</ul>` : ""}
</section>
`;
  });
  return blocks.length ? html`<div class="home">
${blocks}</div>` : html`<p class="empty panel">暂无栏目</p>`;
}

export function renderHomePage(d: HomePageView): RenderedPage {
  const bySlug = new Map(d.slots.map((s) => [s.slug, s]));
  const placed = new Set<string>(Object.values(HOME_SLOTS));
  const railSlots = d.slots.filter((s) => !placed.has(s.slug));
  const picks = bySlug.get(HOME_SLOTS.picks);
  const lead = [focus(bySlug.get(HOME_SLOTS.focus)), picks ? slotList(picks, "picks") : ""].filter((x) => x !== "");
  const rail = [...railSlots.map((s) => slotList(s, "rail-slot")), topicsBlock(d.topics)].filter((x) => x !== "");
  const main = html`<h1 class="visually-hidden">${d.site.name}</h1>
${band(bySlug.get(HOME_SLOTS.band))}<div class="front${rail.length ? "" : " no-rail"}">
<div class="front-main">
${lead.length ? html`<div class="front-lead">\n${lead}</div>\n` : ""}${sectionBlocks(d)}
</div>
${rail.length ? html`<aside class="rail" aria-label="推荐与专题">\n${rail}</aside>\n` : ""}</div>`;
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
      articles: [...new Set([...d.headlines.flatMap((h) => h.items.map((a) => a.id)), ...d.slots.flatMap((s) => s.items.map((i) => i.id))])],
      // Its blocks are the heads of every top-level section's listing, which together are the site's.
      listings: [SITE_LISTING],
      // Every slot, and which slots there are; the newest topics, and which they are.
      slots: [ALL, ...d.slots.map((s) => s.slug)],
      topics: [ALL, ...d.topics.map((t) => t.slug)],
    },
  };
}
