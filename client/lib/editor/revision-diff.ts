// 版本对比: any two revisions side by side, field by field, with a character-level diff (diff.ts, over code
// points, as Chinese needs). What only the left has is struck through (<del>), what only the right has is
// underlined (<ins>), and each says so in words to a screen reader, so nothing is told by colour alone.
import { RevisionDetail } from "../../../src/content/responses.ts";
import { request } from "../api.ts";
import { one } from "../dom.ts";
import { fail } from "../forms.ts";
import { beijingTime } from "../messages.ts";
import { type Piece, diff } from "./diff.ts";
import { type Draft, FIELD_LABELS, changedFields, fieldText } from "./draft.ts";

const draftOfRevision = (r: RevisionDetail): Draft => ({
  section: r.section === null ? "（栏目已不存在）" : `${r.section.name}（${r.section.path}）`,
  title: r.title,
  kicker: r.kicker,
  subtitle: r.subtitle,
  summary: r.summary,
  source: r.source,
  bylines: r.bylines,
  body: r.body,
  cover_image: r.cover_image,
});

const getRevision = (id: number, n: number) => request("GET", `/api/v1/admin/articles/${id}/revisions/${n}`, RevisionDetail);

function hidden(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = text;
  return span;
}

/** One side's text: the kept pieces, and the pieces only this side has, marked as `mark` says. */
function side(pieces: readonly Piece[], only: Piece["op"], mark: "del" | "ins"): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "side-text";
  for (const piece of pieces) {
    if (piece.op === "same") box.append(piece.text);
    else if (piece.op === only) {
      const el = document.createElement(mark);
      el.append(hidden(mark === "del" ? "［删去：" : "［新增："), piece.text, hidden("］"));
      box.append(el);
    }
  }
  return box;
}

function column(head: string, body: HTMLElement): HTMLDivElement {
  const col = document.createElement("div");
  const p = document.createElement("p");
  p.className = "side-head";
  p.textContent = head;
  col.append(p, body);
  return col;
}

export type DiffChoices = { restore(n: number): void };

export class RevisionDiff {
  private readonly box: HTMLElement;
  private readonly left: HTMLSelectElement;
  private readonly right: HTMLSelectElement;
  private readonly out: HTMLElement;
  private readonly restoreButton: HTMLButtonElement;
  private id = 0;
  private current: number | null = null;
  private asked = 0;

  constructor(root: ParentNode, choices: DiffChoices) {
    this.box = one("[data-revision-diff]", HTMLElement, root);
    this.left = one("[data-diff-left]", HTMLSelectElement, this.box);
    this.right = one("[data-diff-right]", HTMLSelectElement, this.box);
    this.out = one("[data-diff-out]", HTMLElement, this.box);
    this.restoreButton = one("[data-diff-restore]", HTMLButtonElement, this.box);
    this.left.addEventListener("change", () => void this.compare());
    this.right.addEventListener("change", () => void this.compare());
    this.restoreButton.addEventListener("click", () => choices.restore(Number(this.left.value)));
    one("[data-diff-close]", HTMLButtonElement, this.box).addEventListener("click", () => this.close());
  }

  /** Opens the comparison of `left` against `right`, either of them changeable to any version listed. */
  async open(id: number, versions: readonly { version: number; label: string }[], current: number | null, left: number, right: number): Promise<void> {
    this.id = id;
    this.current = current;
    for (const select of [this.left, this.right]) {
      select.replaceChildren(
        ...versions.map((v) => {
          const option = document.createElement("option");
          option.value = String(v.version);
          option.textContent = v.label;
          return option;
        }),
      );
    }
    this.left.value = String(left);
    this.right.value = String(right);
    this.box.hidden = false;
    await this.compare();
    one("[data-diff-title]", HTMLElement, this.box).focus();
  }

  close(): void {
    this.box.hidden = true;
  }

  private async compare(): Promise<void> {
    const a = Number(this.left.value);
    const b = Number(this.right.value);
    // Only the last comparison asked for is shown, whatever order the answers come in.
    this.asked += 1;
    const asked = this.asked;
    const [ra, rb] = await Promise.all([getRevision(this.id, a), getRevision(this.id, b)]);
    if (asked !== this.asked) return;
    if (!ra.ok) return fail(ra.error);
    if (!rb.ok) return fail(rb.error);
    const da = draftOfRevision(ra.value);
    const db = draftOfRevision(rb.value);
    const who = (r: RevisionDetail) => `第 ${r.version} 版（${r.actor}，${beijingTime(r.created_at)}）`;
    const fields = changedFields(da, db);
    const parts: HTMLElement[] = [];
    const summary = document.createElement("p");
    summary.textContent =
      fields.length === 0
        ? `${who(ra.value)}与${who(rb.value)}的内容相同。`
        : `${who(ra.value)}与${who(rb.value)}有 ${fields.length} 处字段不同：${fields.map((k) => FIELD_LABELS[k]).join("、")}。其余字段相同。`;
    parts.push(summary);
    for (const key of fields) {
      const section = document.createElement("section");
      section.className = "side-field";
      const h = document.createElement("h3");
      h.textContent = FIELD_LABELS[key];
      // Each field a region named by its label, so a screen reader lists and jumps between them.
      h.id = `diff-field-${key}`;
      section.setAttribute("aria-labelledby", h.id);
      const pieces = diff(fieldText(da, key), fieldText(db, key));
      const pair = document.createElement("div");
      pair.className = "side-by-side";
      pair.append(column(`第 ${a} 版`, side(pieces, "theirs", "del")), column(`第 ${b} 版`, side(pieces, "mine", "ins")));
      section.append(h, pair);
      parts.push(section);
    }
    this.out.replaceChildren(...parts);
    this.restoreButton.hidden = a === this.current;
    this.restoreButton.textContent = `恢复此版本（第 ${a} 版）`;
  }
}
