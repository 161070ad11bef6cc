// 文章 (/desk): every article the person may see, newest change first, filtered by status, section and author
// or searched, a page at a time. A plain GET form and links: the whole room works without JavaScript.
import { html } from "hono/html";
import type { DeskArticle } from "../../db/desk-articles.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import type { ArticleState } from "../../domain/article.ts";
import { STATUS_WORDS } from "../words.ts";
import { type Option, badge, facts, nothing, options, pager, time } from "./parts.ts";

export type ArticleFilters = { q?: string; status?: ArticleState; section?: string; author?: number };

export type ArticlesPage = {
  siteName: string;
  person: DeskPerson;
  filters: ArticleFilters;
  /** Sections in tree order, with their depth (0 for top level), for the section filter. */
  sections: { path: string; name: string; depth: number }[];
  /** Everyone who may have written an article, for the author filter. */
  authors: { id: number; name: string }[];
  rows: DeskArticle[];
  /** A search's count of what it ranked; absent for the plain list. */
  found?: { total: number; capped: boolean };
  /** The query of the next page (with its cursor), null on the last page. */
  next: string | null;
  /** True when this is not the first page, so it can offer the way back there. */
  paged: boolean;
};

const STATUS_OPTIONS: Option[] = [
  { value: "", label: "全部（不含回收站）" },
  ...Object.entries(STATUS_WORDS).map(([value, label]) => ({ value, label })),
];

/** The desk's article URL; the editor (issue 21) answers there. */
export const deskArticleUrl = (id: number) => `/desk/articles/${id}`;

/** The list's URL for these filters, and a cursor when it is a later page. */
export function articlesUrl(f: ArticleFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.status) params.set("status", f.status);
  if (f.section) params.set("section", f.section);
  if (f.author !== undefined) params.set("author", String(f.author));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/desk?${query}` : "/desk";
}

function filterForm(p: ArticlesPage): Html {
  const f = p.filters;
  // Two full-width spaces per level: the tree shows in the list without a character a screen reader would read.
  const sectionOptions = [
    { value: "", label: "全部栏目" },
    ...p.sections.map((s) => ({ value: s.path, label: `${"\u3000".repeat(s.depth)}${s.name}` })),
  ];
  const authorOptions = [{ value: "", label: "全部作者" }, ...p.authors.map((a) => ({ value: String(a.id), label: a.name }))];
  return html`<form class="filters panel" method="get" action="/desk" role="search" aria-label="筛选和搜索文章">
<div class="field wide"><label for="f-q">搜索</label><input id="f-q" type="search" name="q" value="${f.q ?? ""}" maxlength="100" placeholder="标题、正文、作者"></div>
<div class="field"><label for="f-status">状态</label><select id="f-status" name="status">${options(STATUS_OPTIONS, f.status)}</select></div>
<div class="field"><label for="f-section">栏目</label><select id="f-section" name="section">${options(sectionOptions, f.section)}</select></div>
<div class="field"><label for="f-author">作者</label><select id="f-author" name="author">${options(authorOptions, f.author === undefined ? undefined : String(f.author))}</select></div>
<button type="submit">筛选</button>
</form>`;
}

function row(a: DeskArticle): Html {
  const status: ArticleState = a.inTrash ? "trash" : a.status;
  return html`<li class="row"><h3><a href="${deskArticleUrl(a.id)}">${a.title}</a></h3>
${facts([
  ["状态", badge(status, STATUS_WORDS[status])],
  ["栏目", a.sectionName],
  ["作者", a.author ?? "—"],
  ["最后修改", html`${time(a.updatedAt)}${a.updatedBy === null ? "" : html`（${a.updatedBy}）`}`],
])}${a.editing.length === 0 ? "" : html`<p class="presence">${a.editing.map((e) => e.name).join("、")} 正在编辑</p>`}</li>
`;
}

function summary(p: ArticlesPage): Html | string {
  if (!p.found) return "";
  const note = p.filters.author !== undefined ? "；搜索不按作者筛选" : "";
  const count = p.found.capped ? `在最新的 ${p.found.total} 篇匹配文章中按相关度排列` : `找到 ${p.found.total} 篇，按相关度排列`;
  return html`<p class="hint">${count}${note}。</p>`;
}

export function renderArticlesPage(p: ArticlesPage): Html {
  const searching = p.found !== undefined;
  return deskLayout({
    siteName: p.siteName,
    title: searching ? `搜索“${p.filters.q ?? ""}”` : "文章",
    room: "articles",
    person: p.person,
    main: html`<div class="page-head"><h1>${searching ? "搜索文章" : "文章"}</h1><a class="button" href="/desk/articles/new">写稿</a></div>
${filterForm(p)}
<section class="panel" aria-labelledby="list-title"><h2 id="list-title" class="visually-hidden">${searching ? "搜索结果" : "文章列表"}</h2>
${summary(p)}${
      p.rows.length === 0
        ? nothing(searching ? "没有找到匹配的文章。" : "没有符合条件的文章。")
        : html`<ul class="rows">
${p.rows.map(row)}</ul>`
    }
${pager(articlesUrl(p.filters), p.next, p.paged)}
</section>`,
  });
}
