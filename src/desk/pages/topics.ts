// 专题 (/desk/topics and /desk/topics/:slug, editors and admins): the topics, newest first, a form to make one,
// and a topic's page — its title, banner and introduction, its groups (分组) and the articles in each. Read
// without JavaScript; the script (client/pages/topics.ts) makes every change through /api/v1/admin/topics.
import { html } from "hono/html";
import type { TopicWithGroups } from "../../domain/topic.ts";
import { TOPIC_MAX_GROUPS } from "../../domain/topic.ts";
import type { TopicMember } from "../../domain/topic.ts";
import { LIMITS } from "../../content/schemas.ts";
import { FRONT_LIMITS } from "../../content/front-schemas.ts";
import { articleUrl, topicUrl } from "../../content/urls.ts";
import { QUERY_LIMITS } from "../../search/query.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { STATUS_WORDS } from "../words.ts";
import { type PictureChoice, badge, changesNeedScript, facts, nothing, pager, picturePicker, time } from "./parts.ts";

const deskTopicUrl = (slug: string) => `/desk/topics/${slug}`;

/** 题图: as 封面 is chosen. */
const bannerPicker = (id: string, selected: string | null, pictures: readonly PictureChoice[]): Html =>
  html`<div class="field">${picturePicker({ id, name: "banner", word: "题图", hintId: `${id}-hint`, selected, pictures })}</div>`;

const titleField = (id: string, value: string) =>
  html`<div class="field wide"><label for="${id}">标题</label><input id="${id}" name="title" type="text" maxlength="${FRONT_LIMITS.topicTitle}" required value="${value}"></div>`;

const introField = (id: string, value: string) =>
  html`<div class="field"><label for="${id}">导语（Markdown）</label><textarea id="${id}" name="intro" rows="6" maxlength="${LIMITS.body}">
${value}</textarea></div>`;

function createForm(pictures: readonly PictureChoice[]): Html {
  return html`<section class="panel" aria-labelledby="new-topic-title"><h2 id="new-topic-title">新建专题</h2>
<form data-form="create-topic" hidden>
<div class="filters">
${titleField("topic-title", "")}
<div class="field"><label for="topic-slug">标识</label><input id="topic-slug" name="slug" type="text" maxlength="64" pattern="[a-z0-9][a-z0-9\\-]{0,63}" required autocapitalize="none" spellcheck="false" aria-describedby="topic-slug-hint"></div>
</div>
<p class="hint" id="topic-slug-hint">标识就是专题的网址 /special/标识/，只能是小写字母、数字和连字符，建好后不能更改，例如 lanjiang-flood。</p>
${bannerPicker("topic-banner", null, pictures)}
${introField("topic-intro", "")}
<div class="field"><label for="topic-groups">分组（每行一个，最多 ${TOPIC_MAX_GROUPS} 个；留空则不分组）</label><textarea id="topic-groups" name="groups" rows="3"></textarea></div>
<button type="submit">新建专题</button>
</form>
</section>`;
}

const topicRow = (t: TopicWithGroups) => html`<li class="row"><h3><a href="${deskTopicUrl(t.slug)}">${t.title}</a></h3>
${facts([
  ["网址", html`<a href="${topicUrl(t.slug)}">${topicUrl(t.slug)}</a>`],
  ["分组", `${t.groups.length} 个`],
  ["文章", `${t.groups.reduce((n, g) => n + g.members, 0)} 篇`],
  ["更新于", time(t.updatedAt)],
])}</li>
`;

export type TopicsPage = { siteName: string; person: DeskPerson; topics: TopicWithGroups[]; pictures: PictureChoice[]; next: string | null; paged: boolean };

export function renderTopicsPage(p: TopicsPage): Html {
  return deskLayout({
    siteName: p.siteName,
    title: "专题",
    room: "topics",
    person: p.person,
    script: "topics",
    main: html`<div class="page-head"><h1>专题</h1></div>
${changesNeedScript("新建专题")}
${createForm(p.pictures)}
<section class="panel" aria-labelledby="topics-title"><h2 id="topics-title">全部专题</h2>
${p.topics.length === 0 ? nothing("还没有专题。") : html`<ul class="rows">${p.topics.map(topicRow)}</ul>`}
${pager("/desk/topics", p.next, p.paged)}
</section>`,
  });
}

type Group = TopicWithGroups["groups"][number];

const groupName = (g: Pick<Group, "name">) => g.name || "（不显示标题的分组）";

function groupRow(g: Group, n: number): Html {
  return html`<li class="row topic-group-row" data-group="${g.id}" data-members="${g.members}">
<div class="field"><label for="group-${g.id}">第 ${n} 个分组的名称</label><input id="group-${g.id}" name="name" type="text" maxlength="${FRONT_LIMITS.groupName}" value="${g.name}"></div>
<p class="hint">${g.members} 篇文章${g.members > 0 ? "：有文章的分组不能删除，先把文章移到别的分组或移除" : ""}</p>
</li>
`;
}

function groupsPanel(t: TopicWithGroups): Html {
  return html`<section class="panel" aria-labelledby="groups-title"><h2 id="groups-title">分组</h2>
<p class="hint" data-groups-hint hidden>拖动把手或用“上移”“下移”调整分组的顺序，改好后按“保存分组”。名称留空的分组在专题页上不显示标题。</p>
<ol class="rows" data-groups data-max="${TOPIC_MAX_GROUPS}" data-name-max="${FRONT_LIMITS.groupName}">
${t.groups.map((g, i) => groupRow(g, i + 1))}</ol>
<p class="actions" data-groups-actions hidden><button type="button" class="quiet" data-add-group>添加分组</button><button type="button" data-save-groups>保存分组</button></p>
</section>`;
}

const groupOptions = (groups: readonly Group[], selected: number | null) =>
  groups.map((g) => html`<option value="${g.id}"${g.id === selected ? html` selected` : ""}>${groupName(g)}</option>`);

function memberRow(m: TopicMember, groups: readonly Group[]): Html {
  return html`<li class="row" data-member="${m.articleId}"><h4><a href="/desk/articles/${m.articleId}">${m.title}</a></h4>
${facts([
  ["状态", badge(m.status, STATUS_WORDS[m.status])],
  ["发布", m.publishedAt === null ? "未发布" : time(m.publishedAt)],
  ...(m.listed ? [["公开页面", html`<a href="${articleUrl(m.sectionPath, m.articleId)}">打开</a>`] as const] : []),
])}<div class="filters" data-member-actions hidden>
<div class="field"><label for="move-${m.articleId}">所在分组</label><select id="move-${m.articleId}" data-move>${groupOptions(groups, m.groupId)}</select></div>
<button type="button" class="danger" data-remove>从专题中移除</button>
</div></li>
`;
}

/** The members by group, in the page's order: groups in order, newest published first within each. */
function membersPanel(t: TopicWithGroups, members: readonly TopicMember[], shownAtMost: number): Html {
  const newest = (m: TopicMember) => m.publishedAt ?? Number.MAX_SAFE_INTEGER;
  return html`<section class="panel" aria-labelledby="members-title"><h2 id="members-title">专题里的文章</h2>
<p class="hint">每个分组里的文章按发布时间排列，最新的在前，与专题页相同；要调整，可以把文章移到别的分组。未发布的文章留在专题里，发布后才在专题页上显示。</p>
${members.length >= shownAtMost ? html`<p class="hint">这里只列出最近加入的 ${shownAtMost} 篇。</p>` : ""}
${t.groups.map((g) => {
  const mine = members.filter((m) => m.groupId === g.id).sort((a, b) => newest(b) - newest(a) || b.articleId - a.articleId);
  return html`<section aria-labelledby="members-${g.id}"><h3 id="members-${g.id}">${groupName(g)}</h3>
${mine.length === 0 ? html`<p class="empty">这个分组还没有文章。</p>` : html`<ul class="rows">${mine.map((m) => memberRow(m, t.groups))}</ul>`}
</section>`;
})}
</section>`;
}

function searchPanel(t: TopicWithGroups): Html {
  return html`<section class="panel" aria-labelledby="add-title"><h2 id="add-title">加入文章</h2>
<form data-form="search" role="search" aria-labelledby="add-title" hidden>
<div class="filters">
<div class="field wide"><label for="topic-search">搜索文章</label><input id="topic-search" name="q" type="search" maxlength="${QUERY_LIMITS.chars}" required></div>
<div class="field"><label for="add-group">加入到分组</label><select id="add-group" name="group">${groupOptions(t.groups, t.groups[0]?.id ?? null)}</select></div>
<button type="submit">搜索</button>
</div>
<p class="hint">可以加入草稿：发布后才在专题页上显示。</p>
</form>
<div data-results></div>
</section>`;
}

export type TopicPage = {
  siteName: string;
  person: DeskPerson;
  topic: TopicWithGroups;
  members: TopicMember[];
  pictures: PictureChoice[];
  shownAtMost: number;
};

export function renderTopicPage(p: TopicPage): Html {
  const t = p.topic;
  return deskLayout({
    siteName: p.siteName,
    title: `${t.title} - 专题`,
    room: "topics",
    person: p.person,
    script: "topics",
    main: html`<div class="page-head"><h1>${t.title}</h1><p class="actions"><a href="${topicUrl(t.slug)}">查看专题页</a><a href="/desk/topics">返回专题列表</a></p></div>
${changesNeedScript("修改专题、分组和其中的文章")}
<section class="panel" aria-labelledby="topic-facts-title"><h2 id="topic-facts-title">专题信息</h2>
<form data-form="topic" data-slug="${t.slug}" data-version="${t.version}">
${titleField("topic-title", t.title)}
${bannerPicker("topic-banner", t.banner, p.pictures)}
${introField("topic-intro", t.intro)}
<p class="actions" data-topic-save hidden><button type="submit">保存专题信息</button></p>
</form>
${facts([
  ["网址", html`<a href="${topicUrl(t.slug)}">${topicUrl(t.slug)}</a>`],
  ["创建于", time(t.createdAt)],
  ["更新于", time(t.updatedAt)],
])}</section>
${groupsPanel(t)}
${membersPanel(t, p.members, p.shownAtMost)}
${searchPanel(t)}`,
  });
}
