// 发布, 定时发布, 撤稿, 归档, 删除, 恢复: the buttons the server rendered for this role, shown for the
// article's state now, each saying first what it does to the public site. A step is taken on the version on
// screen, after everything typed is saved; its answer moves the page to the new state without a reload.
import { all, maybe, one } from "../dom.ts";
import { showError } from "../live.ts";

export const STATE_WORDS: Record<string, string> = {
  draft: "草稿",
  submitted: "待审",
  scheduled: "定时",
  published: "已发布",
  archived: "已归档",
  trash: "回收站",
};

/** The states a step applies in; `authors`, the states in which an author may take it on their own article. */
type Rule = { when: readonly string[]; authors?: readonly string[]; confirm: string };

const RULES: Record<string, Rule> = {
  submit: {
    when: ["draft"],
    authors: ["draft"],
    confirm: "提交后，稿件进入编辑的待审列表，网站上不会显示；在编辑处理前您不能修改它（可以撤回审核）。确定提交审核吗？",
  },
  recall: { when: ["submitted"], authors: ["submitted"], confirm: "撤回后，稿件回到草稿，您可以继续修改；它不再在待审列表中。网站上不会显示。确定撤回吗？" },
  return: { when: ["submitted"], confirm: "退回后，稿件回到作者手中（草稿），作者会看到您的意见。网站上不会显示。确定退回吗？" },
  publish: { when: ["draft", "submitted", "scheduled", "archived"], confirm: "发布后，这篇文章立即出现在网站上，所有读者都能看到。确定发布吗？" },
  schedule: { when: ["draft", "submitted", "scheduled", "archived"], confirm: "" },
  unpublish: { when: ["published", "scheduled"], confirm: "撤稿后，这篇文章立即从网站上撤下（定时发布也取消），变回草稿，读者不再能看到。确定撤稿吗？" },
  archive: { when: ["published"], confirm: "归档后，这篇文章从网站上撤下，标记为已完成，读者不再能看到。确定归档吗？" },
  trash: {
    when: ["draft", "submitted", "scheduled", "published", "archived"],
    authors: ["draft"],
    confirm: "删除后，这篇文章移入回收站；如果已发布，立即从网站上撤下。之后可以从回收站恢复。确定删除吗？",
  },
  restore: { when: ["trash"], authors: ["trash"], confirm: "恢复后，这篇文章回到草稿：不会出现在网站上，需要时再发布。确定恢复吗？" },
};

/** Whether `action` applies to an article in `state` for this person (the server decides again). */
function applies(action: string, state: string, who: { editor: boolean; own: boolean }): boolean {
  const rule = RULES[action];
  if (!rule || !rule.when.includes(state)) return false;
  if (who.editor) return true;
  // An author: their own articles only (out of the trash too; the server refuses what was not a draft).
  return who.own && (rule.authors ?? []).includes(state);
}

/** `2026-12-08T09:30` typed into a datetime-local, read as Beijing time: RFC 3339 with +08:00, or null. */
function beijingInput(value: string): { rfc3339: string; ms: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const rfc3339 = `${value.length === 16 ? `${value}:00` : value}+08:00`;
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? null : { rfc3339, ms };
}

type PublishingHooks = {
  /** Takes the step (everything saved first); resolves the new state, or null when it did not happen. */
  take(action: string, body?: unknown): Promise<string | null>;
  preview(): Promise<void>;
};

export class PublishingPanel {
  private readonly actions: HTMLElement;
  private readonly root: ParentNode;
  private readonly who: { editor: boolean; own: boolean };
  constructor(root: ParentNode, who: { editor: boolean; own: boolean }, hooks: PublishingHooks) {
    this.root = root;
    this.who = who;
    this.actions = one("[data-actions]", HTMLElement, root);
    for (const button of all("[data-action]", HTMLButtonElement, root)) {
      button.addEventListener("click", () => void this.click(button, hooks));
    }
    one("[data-preview]", HTMLButtonElement, root).addEventListener("click", () => void hooks.preview());
  }

  private async click(button: HTMLButtonElement, hooks: PublishingHooks): Promise<void> {
    const action = button.dataset.action ?? "";
    let body: unknown;
    let question = RULES[action]?.confirm ?? "";
    if (action === "submit" || action === "return") {
      const note = one("[data-note-input]", HTMLTextAreaElement, this.root);
      if (action === "return" && note.value.trim() === "") {
        note.focus();
        return showError("退回时请在“审核意见”里写明原因，作者会看到。");
      }
      body = { note: note.value.trim() };
    }
    // 立即发布 means now, even for a scheduled article (without it the stored time would stand).
    if (action === "publish") body = { publish_at: null };
    if (action === "schedule") {
      const input = one("[data-publish-at]", HTMLInputElement, this.root);
      const at = beijingInput(input.value);
      if (at === null) return showError("请先填写定时发布的日期和时间（北京时间）。");
      if (at.ms <= Date.now()) return showError("定时发布的时间已经过去了，请选择一个将来的时间（北京时间）。");
      body = { publish_at: at.rfc3339 };
      question = `这篇文章将在北京时间 ${input.value.replace("T", " ")} 自动发布到网站上，在那之前读者看不到。确定定时发布吗？`;
    }
    if (!confirm(question)) return;
    button.disabled = true;
    try {
      await hooks.take(action, body);
    } finally {
      button.disabled = false;
    }
  }

  /** Shows the steps that apply to `state`, and whether the article is live at `url`. */
  show(state: string, url: string | null): void {
    this.actions.hidden = false;
    for (const button of all("[data-action]", HTMLButtonElement, this.root)) {
      const action = button.dataset.action ?? "";
      const visible = applies(action, state, this.who);
      if (action === "schedule") {
        const box = maybe("[data-schedule]", HTMLElement, this.root);
        if (box) box.hidden = !visible;
      } else button.hidden = !visible;
      if (action === "publish") button.textContent = state === "scheduled" ? "立即发布" : "发布";
    }
    const noted = applies("submit", state, this.who) || applies("return", state, this.who);
    one("[data-note]", HTMLElement, this.root).hidden = !noted;
    const live = one("[data-live]", HTMLElement, this.root);
    live.hidden = state !== "published" || url === null;
    if (state === "published" && url !== null) {
      const link = document.createElement("a");
      link.href = url;
      link.textContent = new URL(url, location.origin).href;
      live.replaceChildren("已发布，读者现在可以看到：", link);
    }
  }
}
