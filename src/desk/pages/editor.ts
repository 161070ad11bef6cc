// 写稿 (/desk/articles/new) and an article's editor (/desk/articles/:id): the fields filled in from the server,
// so the article reads without JavaScript; its script (client/pages/editor.ts) adds autosave, recovery,
// conflicts, publishing and revisions, all through the admin API. The publishing buttons a role can never use
// are not rendered; which of the rest apply to the article's state now, the script decides as it changes.
import { html } from "hono/html";
import type { ArticleState } from "../../domain/article.ts";
import { type Role, roleAtLeast } from "../../domain/role.ts";
import { formatChineseDateTime } from "../../content/dates.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { STATUS_WORDS } from "../words.ts";
import { badge, changesNeedScript, time } from "./parts.ts";
import { bodyImageTools, imageDialogs } from "./editor-images.ts";
import { revisionDiff } from "./editor-diff.ts";
import { takeoverParts } from "./editor-takeover.ts";
import { type CoverChoice, EMPTY_FIELDS, type EditorFields, type SectionChoice, editorFields } from "./editor-fields.ts";

/** The last review step, as the editor shows it: who sent it to review or back, when, and their note. */
export type EditorReview = { action: "submit" | "return"; note: string; by: string; at: number };

export type EditorArticle = EditorFields & {
  review: EditorReview | null;
  id: number;
  version: number;
  state: ArticleState;
  /** The signed-in person created it (an author may change only their own drafts). */
  own: boolean;
  publicUrl: string;
  updatedAt: number;
};

export type EditorPage = {
  siteName: string;
  person: DeskPerson;
  /** The person's actor id: the editor tells their own saves from someone else's. */
  meId: number;
  /** null for 写稿: a new article, created by its first save. */
  article: EditorArticle | null;
  sections: readonly SectionChoice[];
  covers: readonly CoverChoice[];
};

type Action = { action: string; label: string; minimum: Role; kind: "" | "quiet" | "danger" };

// 提交审核, 撤回审核, 删除 and 恢复 are an author's too (their own articles); the rest need an editor, as the API decides.
const ACTIONS: readonly Action[] = [
  { action: "submit", label: "提交审核", minimum: "author", kind: "" },
  { action: "recall", label: "撤回审核", minimum: "author", kind: "quiet" },
  { action: "publish", label: "发布", minimum: "editor", kind: "" },
  { action: "return", label: "退回", minimum: "editor", kind: "danger" },
  { action: "unpublish", label: "撤稿", minimum: "editor", kind: "danger" },
  { action: "archive", label: "归档", minimum: "editor", kind: "quiet" },
  { action: "trash", label: "删除", minimum: "author", kind: "danger" },
  { action: "restore", label: "恢复", minimum: "author", kind: "quiet" },
];

function publishing(role: Role): Html {
  const mine = ACTIONS.filter((a) => roleAtLeast(role, a.minimum));
  const schedule = roleAtLeast(role, "editor")
    ? html`<div class="schedule" data-schedule hidden><div class="field"><label for="e-publish-at">定时发布时间（北京时间）</label>
<input id="e-publish-at" type="datetime-local" data-publish-at></div>
<button type="button" class="quiet" data-action="schedule">定时发布</button></div>`
    : "";
  return html`<section class="panel" aria-labelledby="publishing-title"><h2 id="publishing-title">发布</h2>
<p class="hint" data-live hidden></p>
<div class="field" data-note hidden><label for="e-note">审核意见</label><textarea id="e-note" rows="2" data-note-input aria-describedby="e-note-hint"></textarea>
<span class="count" id="e-note-hint">提交审核时可以写给编辑的说明；退回时必须写明原因，作者会看到。</span></div>
<p class="actions" data-actions hidden>${mine.map(
    (a) => html`<button type="button"${a.kind === "" ? "" : html` class="${a.kind}"`} data-action="${a.action}" hidden>${a.label}</button>`,
  )}<button type="button" class="quiet" data-preview>预览</button></p>
${schedule}
<div data-preview-link></div>
</section>`;
}

/** What the last review step said: the note the author must read after 退回, or the one that came with the submission. */
function reviewNote(r: EditorReview | null): Html {
  const text = r === null ? "" : `${r.action === "return" ? "退回意见" : "提交审核时的说明"}（${r.by}，${formatChineseDateTime(r.at)}）：${r.note === "" ? "（没有写说明）" : r.note}`;
  return html`<p class="review-note" data-review${r === null ? html` hidden` : ""}>${text}</p>`;
}

const livePreview = html`<section class="panel" aria-labelledby="live-preview-title"><h2 id="live-preview-title">实时预览</h2>
<p><button type="button" class="quiet" data-live-toggle aria-expanded="false" aria-controls="live-preview" hidden>显示实时预览</button></p>
<div id="live-preview" class="live-preview" data-live-preview hidden></div>
</section>`;

const revisions = html`<section class="panel" aria-labelledby="revisions-title"><h2 id="revisions-title">版本记录</h2>
<p><button type="button" class="quiet" data-revisions-load hidden>显示版本记录</button></p>
<ol class="rows revisions" data-revisions></ol>
</section>`;

export function renderEditorPage(p: EditorPage): Html {
  const a = p.article;
  const fields = a ?? EMPTY_FIELDS;
  const state = a?.state ?? "draft";
  return deskLayout({
    siteName: p.siteName,
    title: a === null ? "写稿" : `编辑：${a.title}`,
    room: a === null ? "write" : null,
    person: p.person,
    script: "editor",
    main: html`<div class="page-head"><h1>${a === null ? "写稿" : "编辑文章"}</h1>
<p class="state-line">${a === null ? "新文章" : html`<span data-state-badge>${badge(state, STATUS_WORDS[state])}</span> 第 ${a.id} 号 · 最后修改 ${time(a.updatedAt)}`}</p></div>
${changesNeedScript("保存、发布和恢复版本")}
<p class="presence" data-presence aria-live="polite" hidden></p>
${takeoverParts}
${reviewNote(a?.review ?? null)}
<div class="editor-layout">
<form class="editor panel" data-editor data-id="${a?.id ?? ""}" data-version="${a?.version ?? ""}" data-state="${state}" data-own="${
      a === null || a.own ? "1" : "0"
    }" data-role="${p.person.role}" data-me="${p.meId}" data-public-url="${a?.publicUrl ?? ""}" aria-labelledby="editor-title">
<h2 id="editor-title" class="visually-hidden">稿件内容</h2>
<div class="savebar"><p class="save-state" data-save-state aria-live="polite" aria-atomic="true">${a === null ? "未保存" : "已保存"}</p>
<button type="submit" data-save hidden>保存</button><span class="hint">Ctrl+S / ⌘+S 保存</span></div>
<section class="banner" data-recovery hidden aria-labelledby="recovery-title"><h2 id="recovery-title">有未保存的内容</h2>
<p data-recovery-text></p>
<p class="actions"><button type="button" data-recovery-restore>恢复未保存的内容</button><button type="button" class="quiet" data-recovery-discard>放弃这些内容</button></p></section>
<section class="banner" data-conflict hidden tabindex="-1" aria-labelledby="conflict-title"><h2 id="conflict-title">别人已修改了这篇文章</h2>
<p data-conflict-who></p>
<p class="hint">下面是对方的版本与您的版本的差别：<del>删除线</del>是对方有而您没有的，<ins>下划线</ins>是您有而对方没有的。您的文字仍在编辑框里，没有丢失。</p>
<div data-conflict-diff></div>
<p class="actions"><button type="button" data-conflict-mine>保留我的</button><button type="button" class="quiet" data-conflict-theirs>采用对方的</button><button type="button" class="quiet" data-conflict-copy>复制我的</button></p></section>
${editorFields(fields, p.sections, p.covers)}
${bodyImageTools}
</form>
<div class="editor-side">
${publishing(p.person.role)}
${livePreview}
${revisions}
</div>
</div>
${imageDialogs}
${revisionDiff}`,
  });
}
