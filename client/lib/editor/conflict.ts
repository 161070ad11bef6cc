// The conflict view: someone else saved first. It says who and when, shows each field that differs as a
// character diff of theirs and mine, and offers three ways on; the person's text stays in the fields until
// they choose, and is never thrown away by a choice (采用对方的 sets it aside in this browser).
import { one } from "../dom.ts";
import { diff } from "./diff.ts";
import { type Draft, FIELD_LABELS, changedFields, fieldText } from "./draft.ts";

type Theirs = { draft: Draft; version: number; status: string; who: string; when: string };

type ConflictChoices = {
  keepMine(theirs: Theirs): void;
  takeTheirs(theirs: Theirs): void;
  copyMine(): void;
};

export class ConflictView {
  private theirs: Theirs | null = null;
  private readonly box: HTMLElement;

  constructor(root: ParentNode, choices: ConflictChoices) {
    this.box = one("[data-conflict]", HTMLElement, root);
    const on = (hook: string, act: (t: Theirs) => void) =>
      one(hook, HTMLButtonElement, this.box).addEventListener("click", () => {
        if (this.theirs) act(this.theirs);
      });
    on("[data-conflict-mine]", (t) => choices.keepMine(t));
    on("[data-conflict-theirs]", (t) => choices.takeTheirs(t));
    one("[data-conflict-copy]", HTMLButtonElement, this.box).addEventListener("click", () => choices.copyMine());
  }

  show(theirs: Theirs, mine: Draft): void {
    this.theirs = theirs;
    one("[data-conflict-who]", HTMLElement, this.box).textContent = `${theirs.who} 于 ${theirs.when} 修改了这篇文章（现在是第 ${theirs.version} 版）。您还没保存的改动没有被保存，也没有丢失。`;
    const list = document.createElement("dl");
    list.className = "diff";
    const fields = changedFields(theirs.draft, mine);
    for (const key of fields) {
      const dt = document.createElement("dt");
      dt.textContent = FIELD_LABELS[key];
      const dd = document.createElement("dd");
      for (const piece of diff(fieldText(theirs.draft, key), fieldText(mine, key))) {
        const el = piece.op === "same" ? document.createElement("span") : document.createElement(piece.op === "theirs" ? "del" : "ins");
        el.textContent = piece.text;
        dd.append(el);
      }
      list.append(dt, dd);
    }
    const target = one("[data-conflict-diff]", HTMLElement, this.box);
    if (fields.length === 0) {
      const p = document.createElement("p");
      p.textContent = "对方的版本与您的内容相同。";
      target.replaceChildren(p);
    } else target.replaceChildren(list);
    this.box.hidden = false;
    this.box.focus();
  }

  hide(): void {
    this.theirs = null;
    this.box.hidden = true;
  }
}

/** Mine as plain text, for the clipboard: each field under its name. */
export function draftAsText(d: Draft): string {
  return (Object.keys(FIELD_LABELS) as (keyof Draft)[])
    .map((key) => `【${FIELD_LABELS[key]}】\n${fieldText(d, key)}`)
    .join("\n\n");
}
