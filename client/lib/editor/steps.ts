// Publishing, preview and revisions on the editor's page: each step taken on the version on screen once
// everything typed is saved, its answer moving the page to the article's new state without a reload.
import { one } from "../dom.ts";
import { fail } from "../forms.ts";
import { clearMessages, showError, showOk } from "../live.ts";
import { beijingTime } from "../messages.ts";
import type { ConflictFlow } from "./choices.ts";
import { PublishingPanel, STATE_WORDS } from "./publishing.ts";
import { RevisionDiff } from "./revision-diff.ts";
import { RevisionList } from "./revisions.ts";
import { sameDraft } from "./draft.ts";
import { type ArticleJson, draftOf, getArticle, listRevisions, previewLink, restoreRevision, step } from "./server.ts";
import type { EditorSession } from "./session.ts";

const DONE: Record<string, string> = {
  submit: "已提交审核：稿件在编辑的待审列表里。",
  recall: "已撤回审核：稿件回到草稿，可以继续修改。",
  return: "已退回：稿件回到作者手中，作者会看到您的意见。",
  schedule: "已定时：到时间会自动发布到网站上。",
  unpublish: "已撤稿：这篇文章已从网站上撤下，现在是草稿。",
  archive: "已归档：这篇文章已从网站上撤下。",
  trash: "已删除：这篇文章在回收站里，网站上已看不到。",
  restore: "已恢复：这篇文章回到了草稿。",
};

/** The state each step leaves an article in, where that state says the step was taken. */
const LEADS_TO: Record<string, string> = {
  publish: "published",
  schedule: "scheduled",
  unpublish: "draft",
  archive: "archived",
  submit: "submitted",
};

/** 退回意见 / 提交审核时的说明, as the article now carries it. */
function showReview(a: ArticleJson): void {
  const line = one("[data-review]", HTMLElement);
  const r = a.review ?? null;
  line.hidden = r === null;
  if (r === null) return;
  const what = r.action === "return" ? "退回意见" : "提交审核时的说明";
  line.textContent = `${what}（${r.actor.name}，${beijingTime(r.at)}）：${r.note === "" ? "（没有写说明）" : r.note}`;
}

export type Steps = { status(status: string): void; created(): void };

export function editorSteps(session: EditorSession, conflicts: () => ConflictFlow): Steps {
  const { saver } = session;
  const revisionsButton = one("[data-revisions-load]", HTMLButtonElement);
  let revisionsShown = false;

  /** Everything typed saved first; false (said why) when it could not be. */
  async function savedFirst(): Promise<boolean> {
    clearMessages();
    if ((await saver.save(true)) && saver.id !== null && saver.version !== null) return true;
    if (!saver.blocked()) showError(saver.problem() === "" ? "请先保存文章（需要栏目和标题）。" : `还不能继续：${saver.problem()}。`);
    return false;
  }

  /**
   * After a 412 on a step: the article as this step would have left it, when it already stands so with the
   * text on screen — a step whose answer was lost on the way back, clicked again. Else null: a real conflict.
   */
  async function alreadyThere(id: number, action: string): Promise<ArticleJson | null> {
    const wanted = LEADS_TO[action];
    if (wanted === undefined) return null;
    const now = await getArticle(id);
    if (!now.ok || now.value.status !== wanted || !sameDraft(draftOf(now.value), session.form.read())) return null;
    return now.value;
  }

  function status(s: string): void {
    saver.status = s;
    const badge = document.querySelector("[data-state-badge] .status");
    if (badge) {
      badge.className = `status status-${s}`;
      badge.textContent = STATE_WORDS[s] ?? s;
    }
    if (saver.id !== null) panel.show(s, session.publicUrl);
    const waiting = s === "submitted" && !session.editor;
    session.form.lock(waiting);
    if (waiting) session.showState({ kind: "locked", why: "已提交审核：稿件在待审中，撤回审核后才能修改" });
  }

  /** The article as a step left it: its version, state and address, and its content when the step changed it. */
  function arrived(a: ArticleJson, content: boolean): void {
    if (content) {
      const draft = draftOf(a);
      session.form.write(draft);
      saver.resume(draft, a.version, a.status);
      session.showState({ kind: "saved", at: Date.now() });
    } else saver.version = a.version;
    session.publicUrl = a.url;
    showReview(a);
    status(a.status);
    if (revisionsShown) void loadRevisions();
  }

  const panel = new PublishingPanel(document, { editor: session.editor, own: session.own }, {
    async take(action, body) {
      if (!(await savedFirst()) || saver.id === null || saver.version === null) return null;
      // Scheduling is a publish with a time: the API has one step for both.
      const answer = await step(saver.id, saver.version, action === "schedule" ? "publish" : action, body);
      let value: ArticleJson;
      if (answer.ok) value = answer.value;
      else {
        const already = answer.error.status === 412 ? await alreadyThere(saver.id, action) : null;
        if (already === null) {
          if (answer.error.status === 412) void conflicts().show(answer.error);
          else fail(answer.error);
          return null;
        }
        value = already;
      }
      arrived(value, false);
      if (action === "submit" || action === "return") one("[data-note-input]", HTMLTextAreaElement).value = "";
      if (value.status === "published") showOk(`已发布，读者现在可以看到：${new URL(value.url, location.origin).href}`);
      else showOk(DONE[action] ?? "已完成。");
      return value.status;
    },
    async preview() {
      if (!(await savedFirst()) || saver.id === null) return;
      const answer = await previewLink(saver.id);
      if (!answer.ok) return fail(answer.error);
      const link = document.createElement("a");
      link.href = answer.value.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "打开预览（新窗口；文章再次修改后这个链接失效）";
      one("[data-preview-link]", HTMLElement).replaceChildren(link);
      link.focus();
    },
  });

  const revisions = new RevisionList(document, {
    restore: (n) => void restoreTo(n),
    compare: (n) => {
      if (saver.id !== null) void comparison.open(saver.id, revisions.versions, saver.version, n, saver.version ?? n);
    },
  });
  const comparison = new RevisionDiff(document, { restore: (n) => void restoreTo(n) });

  async function loadRevisions(): Promise<void> {
    if (saver.id === null) return;
    const answer = await listRevisions(saver.id);
    if (!answer.ok) return fail(answer.error);
    revisionsShown = true;
    revisions.show(answer.value.items, saver.version);
    revisionsButton.textContent = "刷新版本记录";
  }

  async function restoreTo(n: number): Promise<void> {
    const live = saver.status === "published" ? `这篇文章已发布，恢复后网站上立即显示第 ${n} 版的内容。` : "";
    if (!confirm(`把第 ${n} 版的内容恢复为新的版本？当前内容仍保留在版本记录里。${live}`)) return;
    if (!(await savedFirst()) || saver.id === null || saver.version === null) return;
    const answer = await restoreRevision(saver.id, saver.version, n);
    if (!answer.ok) return answer.error.status === 412 ? void conflicts().show(answer.error) : fail(answer.error);
    arrived(answer.value, true);
    comparison.close();
    showOk(`已恢复第 ${n} 版的内容（现在是第 ${answer.value.version} 版）。`);
  }

  revisionsButton.addEventListener("click", () => void loadRevisions());
  revisionsButton.hidden = saver.id === null;
  if (saver.id !== null) status(saver.status);
  return {
    status,
    created() {
      revisionsButton.hidden = false;
    },
  };
}
