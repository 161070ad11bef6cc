// 推荐位 (/desk/slots and /desk/slots/:slug, editors and admins): the front page's slots, how full each is, and
// one slot's items in order — readable without JavaScript. The slot's script (client/pages/slots.ts) turns the
// items into controls (reorder by drag or by 上移/下移, title, expiry, picture, remove) and adds from search,
// every change a PUT of the items with If-Match through /api/v1/admin/slots.
import { html } from "hono/html";
import type { SlotWithItems } from "../../domain/slot.ts";
import { SLOT_MAX_CAPACITY } from "../../domain/slot.ts";
import { LIMITS } from "../../content/schemas.ts";
import { FRONT_LIMITS } from "../../content/front-schemas.ts";
import { articleUrl } from "../../content/urls.ts";
import { QUERY_LIMITS } from "../../search/query.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { type PictureChoice, changesNeedScript, facts, nothing, time } from "./parts.ts";

/** The items a reader sees now: an expired one is off the page even before the cron takes it out. */
const liveItems = (s: SlotWithItems, now: number) => s.items.filter((i) => i.article.listed && (i.expiresAt === null || i.expiresAt > now));

const slotUrl = (slug: string) => `/desk/slots/${slug}`;

/** `3/5`: how full a slot is, as the list and the slot's page say it. */
const fill = (s: SlotWithItems, now: number) => `${liveItems(s, now).length}/${s.capacity}`;

const slotRow = (s: SlotWithItems, now: number) => html`<li class="row"><h3><a href="${slotUrl(s.slug)}">${s.name}</a></h3>
${facts([
  ["已放", html`<span data-fill>${fill(s, now)}</span> 篇`],
  ["标识", html`<code>${s.slug}</code>`],
  ...(s.needsPicture ? [["图片", "每条都显示图片"] as const] : []),
  ...(s.description ? [["说明", s.description] as const] : []),
])}</li>
`;

/** Making a slot is the admins' (the API's rule): editors fill the slots there are. */
function createForm(): Html {
  return html`<section class="panel" aria-labelledby="new-slot-title"><h2 id="new-slot-title">新建推荐位</h2>
<form data-form="create-slot" hidden>
<div class="filters">
<div class="field"><label for="slot-name">名称</label><input id="slot-name" name="name" type="text" maxlength="${FRONT_LIMITS.slotName}" required></div>
<div class="field"><label for="slot-slug">标识</label><input id="slot-slug" name="slug" type="text" maxlength="32" pattern="[a-z0-9][a-z0-9\\-]{0,31}" required autocapitalize="none" spellcheck="false" aria-describedby="slot-slug-hint"></div>
<div class="field"><label for="slot-capacity">容量（篇）</label><input id="slot-capacity" name="capacity" type="number" min="1" max="${SLOT_MAX_CAPACITY}" value="5" required></div>
<div class="field wide"><label for="slot-description">说明（可选）</label><input id="slot-description" name="description" type="text" maxlength="${FRONT_LIMITS.slotDescription}"></div>
<div class="field check"><label><input name="needs_picture" type="checkbox"> 每条都显示图片（如幻灯）</label></div>
<button type="submit">新建推荐位</button>
</div>
<p class="hint" id="slot-slug-hint">标识用于网址和缓存，只能是小写字母、数字和连字符，建好后不能更改，例如 tebian。</p>
</form>
</section>`;
}

export type SlotsPage = { siteName: string; person: DeskPerson; slots: SlotWithItems[]; now: number };

export function renderSlotsPage(p: SlotsPage): Html {
  const admin = p.person.role === "admin";
  return deskLayout({
    siteName: p.siteName,
    title: "推荐位",
    room: "slots",
    person: p.person,
    ...(admin && { script: "slots" as const }),
    main: html`<div class="page-head"><h1>推荐位</h1><a href="/">查看首页</a></div>
<p class="hint">首页的头条、幻灯、推荐和右栏各块都是推荐位：编辑在这里决定放哪些已发布的文章、按什么顺序、到什么时候。</p>
${admin ? html`${changesNeedScript("新建推荐位")}${createForm()}` : ""}
<section class="panel" aria-labelledby="slots-title"><h2 id="slots-title">全部推荐位</h2>
${p.slots.length === 0 ? nothing("还没有推荐位。") : html`<ul class="rows">${p.slots.map((s) => slotRow(s, p.now))}</ul>`}
</section>`,
  });
}

/** An item as read without JavaScript; the script replaces the list with its controls. */
function itemRow(item: SlotWithItems["items"][number], n: number, pictures: ReadonlyMap<string, string>): Html {
  const a = item.article;
  return html`<li class="row"><h3>第 ${n} 条：<a href="/desk/articles/${a.id}">${a.title}</a></h3>
${facts([
  ["推荐位标题", item.title || "（用文章标题）"],
  ["下线时间", item.expiresAt === null ? "不自动下线" : time(item.expiresAt)],
  ["图片", item.image === null ? "文章封面" : (pictures.get(item.image) ?? item.image)],
  ["公开页面", html`<a href="${articleUrl(a.sectionPath, a.id)}">打开</a>`],
])}</li>
`;
}

/** The options of 图片: the article's cover, or an image of the library that says what it shows. */
const pictureOptions = (pictures: readonly PictureChoice[]) =>
  html`<template data-picture-options><option value="">文章封面</option>${pictures
    .filter((p) => p.alt !== "")
    .map((p) => html`<option value="${p.key}">${p.alt}</option>`)}</template>`;

function searchPanel(s: SlotWithItems): Html {
  return html`<section class="panel" aria-labelledby="add-title"><h2 id="add-title">从已发布的文章中加入</h2>
<form data-form="search" role="search" aria-labelledby="add-title" hidden>
<div class="filters">
<div class="field wide"><label for="slot-search">搜索已发布的文章</label><input id="slot-search" name="q" type="search" maxlength="${QUERY_LIMITS.chars}" required></div>
<button type="submit">搜索</button>
</div>
<p class="hint">加入的文章排在${s.name}的最前面；${s.name}最多放 ${s.capacity} 篇，满了要先移除一篇。</p>
</form>
<div data-results></div>
</section>`;
}

export type SlotPage = { siteName: string; person: DeskPerson; slot: SlotWithItems; pictures: PictureChoice[]; now: number };

export function renderSlotPage(p: SlotPage): Html {
  const s = p.slot;
  const items = liveItems(s, p.now);
  const names = new Map(p.pictures.map((c) => [c.key, c.alt]));
  return deskLayout({
    siteName: p.siteName,
    title: `${s.name} - 推荐位`,
    room: "slots",
    person: p.person,
    script: "slots",
    main: html`<div class="page-head"><h1>${s.name}</h1><a href="/desk/slots">返回推荐位列表</a></div>
${changesNeedScript("调整顺序、加入和移除文章、设置标题和下线时间")}
<section class="panel" aria-labelledby="slot-facts-title"><h2 id="slot-facts-title" class="visually-hidden">推荐位信息</h2>
${facts([
  ["已放", html`<span data-fill>${items.length}/${s.capacity}</span> 篇`],
  ["标识", html`<code>${s.slug}</code>`],
  ...(s.needsPicture ? [["图片", "每条都显示图片：默认用文章封面，也可以另选一张"] as const] : []),
  ...(s.description ? [["说明", s.description] as const] : []),
])}</section>
<section class="panel" aria-labelledby="items-title"><h2 id="items-title">推荐的文章</h2>
<p class="hint" data-reorder-hint hidden>拖动左侧的把手，或用“上移”“下移”按钮调整顺序；标题、下线时间和图片改完即保存。下线时间是北京时间。</p>
<ol class="rows slot-items" data-items data-slug="${s.slug}" data-version="${s.version}" data-name="${s.name}" data-capacity="${s.capacity}"
 data-needs-picture="${s.needsPicture ? "1" : "0"}" data-title-max="${LIMITS.title}">
${items.map((item, i) => itemRow(item, i + 1, names))}</ol>
<p class="empty" data-empty${items.length ? html` hidden` : ""}>这个推荐位还是空的。</p>
<p class="actions" data-save-mine hidden><button type="button">保存我的修改</button></p>
${s.needsPicture ? pictureOptions(p.pictures) : ""}
</section>
${searchPanel(s)}`,
  });
}
