// 版本记录: every revision with who made it, when and how, each with 恢复此版本 (its content back as a new
// version, after a confirmation) and a comparison with the current version (revision-diff.ts). Loaded when
// asked for, and again after each restore.
import { one } from "../dom.ts";
import { beijingTime } from "../messages.ts";
import type { Revision } from "./server.ts";

const ACTION_WORDS: Record<string, string> = {
  create: "新建",
  update: "修改",
  autosave: "自动保存",
  submit: "提交审核",
  return: "退回",
  recall: "撤回审核",
  publish: "发布",
  schedule: "定时发布",
  unpublish: "撤稿",
  archive: "归档",
  trash: "删除（移入回收站）",
  untrash: "从回收站恢复",
  revert: "恢复旧版本",
};

const lineOf = (r: Revision) => `第 ${r.version} 版 · ${ACTION_WORDS[r.action] ?? r.action} · ${r.actor ?? "未知"}`;

type ListChoices = { restore(n: number): void; compare(n: number): void };

export class RevisionList {
  private readonly list: HTMLOListElement;
  private readonly choices: ListChoices;
  /** The versions listed, newest first, as the comparison's choices name them. */
  versions: { version: number; label: string }[] = [];
  constructor(root: ParentNode, choices: ListChoices) {
    this.choices = choices;
    this.list = one("[data-revisions]", HTMLOListElement, root);
  }

  show(items: readonly Revision[], current: number | null): void {
    this.versions = items.map((r) => ({ version: r.version, label: `${lineOf(r)}${r.version === current ? "（当前版本）" : ""}` }));
    this.list.replaceChildren(
      ...items.map((r) => {
        const li = document.createElement("li");
        li.className = "row";
        const line = document.createElement("p");
        line.textContent = `${lineOf(r)} · ${beijingTime(r.created_at)}`;
        li.append(line);
        if (r.version === current) {
          const note = document.createElement("p");
          note.className = "hint";
          note.textContent = "当前版本";
          li.append(note);
        } else {
          const buttons = document.createElement("p");
          buttons.className = "actions";
          buttons.append(
            this.button(`与当前版本对比（第 ${r.version} 版）`, () => this.choices.compare(r.version)),
            this.button(`恢复此版本（第 ${r.version} 版）`, () => this.choices.restore(r.version)),
          );
          li.append(buttons);
        }
        return li;
      }),
    );
  }

  private button(label: string, act: () => void): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "quiet";
    button.textContent = label;
    button.addEventListener("click", act);
    return button;
  }
}
