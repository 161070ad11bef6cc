// 操作日志 (/desk/audit, editors and admins): who did what to which article when, newest first, filtered by
// article, by person or key, by action, a page at a time. Read-only: a GET form and links, no script needed.
import { html } from "hono/html";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { KNOWN_ACTIONS, actionWord } from "../words.ts";
import { deskArticleUrl } from "./articles.ts";
import { type Option, facts, nothing, options, pager, time } from "./parts.ts";

export type AuditItem = {
  id: number;
  at: number;
  actor: { id: number | null; kind: "key" | "staff" | "tool"; name: string };
  action: string;
  articleId: number | null;
  detail: Record<string, unknown>;
};

export type AuditFilters = { article?: number; actor?: number; action?: string };

export type AuditPage = {
  siteName: string;
  person: DeskPerson;
  filters: AuditFilters;
  /** People and keys, for the 操作人 filter. */
  actors: { id: number; name: string; kind: "key" | "staff" }[];
  items: AuditItem[];
  next: string | null;
  paged: boolean;
};

export function auditUrl(f: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (f.article !== undefined) params.set("article", String(f.article));
  if (f.actor !== undefined) params.set("actor", String(f.actor));
  if (f.action) params.set("action", f.action);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/desk/audit?${query}` : "/desk/audit";
}

const KIND_WORDS = { key: "API 密钥", staff: "员工", tool: "系统" } as const;

/** The detail as short `name: value` pairs: what an entry recorded beyond its action (a prefix, a role …). */
const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("，");

function filterForm(p: AuditPage): Html {
  const f = p.filters;
  const actorOptions: Option[] = [
    { value: "", label: "全部" },
    ...p.actors.map((a) => ({ value: String(a.id), label: `${a.name}（${KIND_WORDS[a.kind]}）` })),
  ];
  const actionOptions: Option[] = [{ value: "", label: "全部操作" }, ...KNOWN_ACTIONS.map((a) => ({ value: a, label: actionWord(a) }))];
  return html`<form class="filters panel" method="get" action="/desk/audit" role="search" aria-label="筛选操作日志">
<div class="field"><label for="f-article">文章编号</label><input id="f-article" name="article" type="text" inputmode="numeric" pattern="[0-9]*" value="${f.article ?? ""}" maxlength="16"></div>
<div class="field"><label for="f-actor">操作人</label><select id="f-actor" name="actor">${options(actorOptions, f.actor === undefined ? undefined : String(f.actor))}</select></div>
<div class="field"><label for="f-action">操作</label><select id="f-action" name="action">${options(actionOptions, f.action)}</select></div>
<button type="submit">筛选</button>
</form>`;
}

function itemRow(e: AuditItem): Html {
  const detail = detailText(e.detail);
  return html`<li class="row"><h3>${e.actor.name} ${actionWord(e.action)}${e.articleId === null ? "" : html` <a href="${deskArticleUrl(e.articleId)}">文章 ${e.articleId}</a>`}</h3>
${facts([
  ["时间", time(e.at)],
  ["操作人", `${e.actor.name}（${KIND_WORDS[e.actor.kind]}）`],
  ["操作", html`${actionWord(e.action)} <code>${e.action}</code>`],
  ...(detail ? [["详情", detail] as const] : []),
])}</li>
`;
}

export function renderAuditPage(p: AuditPage): Html {
  return deskLayout({
    siteName: p.siteName,
    title: "操作日志",
    room: "audit",
    person: p.person,
    main: html`<div class="page-head"><h1>操作日志</h1></div>
${filterForm(p)}
<section class="panel" aria-labelledby="audit-title"><h2 id="audit-title" class="visually-hidden">日志条目</h2>
${p.items.length === 0 ? nothing("没有符合条件的记录。") : html`<ul class="rows">${p.items.map(itemRow)}</ul>`}
${pager(auditUrl(p.filters), p.next, p.paged)}
</section>`,
  });
}
