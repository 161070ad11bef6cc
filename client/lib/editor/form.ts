// The editor's form as a Draft: read from the fields, written into them (only when the person asks: a
// recovery, 采用对方的, a restored revision), the byline rows added and removed, and the character counts.
import { all, maybe, one } from "../dom.ts";
import { type Byline, type Draft, codePoints } from "./draft.ts";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export class EditorForm {
  readonly form: HTMLFormElement;
  constructor(form: HTMLFormElement) {
    this.form = form;
    const list = this.bylineList();
    // A blank row to copy for each person added, taken before any row can be removed.
    this.template = one("[data-byline]", HTMLLIElement, list).cloneNode(true) as HTMLLIElement;
    one("[data-byline-name]", HTMLInputElement, this.template).value = "";
    one("[data-byline-add]", HTMLButtonElement, form).addEventListener("click", () => {
      this.addByline({ name: "", role: "记者" });
      all("[data-byline-name]", HTMLInputElement, list).at(-1)?.focus();
      this.changed();
    });
    list.addEventListener("click", (event) => {
      const remove = event.target instanceof Element ? event.target.closest("[data-byline-remove]") : null;
      const row = remove?.closest("[data-byline]");
      if (!row) return;
      row.remove();
      if (list.children.length === 0) this.addByline({ name: "", role: "记者" });
      this.renumber();
      one("[data-byline-add]", HTMLButtonElement, form).focus();
      this.changed();
    });
    for (const el of all("[data-byline-remove], [data-byline-add]", HTMLButtonElement, form)) el.hidden = false;
    this.renumber();
    this.updateCounts();
    this.updateCover();
    form.addEventListener("input", () => this.updateCounts());
    form.addEventListener("change", () => this.updateCover());
  }

  private control(name: string): Control {
    const el = this.form.elements.namedItem(name);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return el;
    throw new Error(`editor: no field ${name}`);
  }

  private bylineList = () => one("[data-bylines]", HTMLOListElement, this.form);

  /** Tells the form's listeners (autosave) that something changed without a keystroke. */
  private changed(): void {
    this.form.dispatchEvent(new Event("input", { bubbles: true }));
  }

  read(): Draft {
    const text = (name: string) => this.control(name).value;
    const bylines: Byline[] = [];
    for (const row of all("[data-byline]", HTMLLIElement, this.form)) {
      const name = one("[data-byline-name]", HTMLInputElement, row).value.trim();
      const role = one("[data-byline-role]", HTMLSelectElement, row).value;
      if (name !== "") bylines.push({ name, role });
    }
    const cover = text("cover_image");
    return {
      section: text("section"),
      title: text("title"),
      kicker: text("kicker"),
      subtitle: text("subtitle"),
      summary: text("summary"),
      source: text("source"),
      bylines,
      body: text("body"),
      cover_image: cover === "" ? null : cover,
    };
  }

  /** Puts `d` in the fields; the person asked for it, so it may replace what is there. */
  write(d: Draft): void {
    for (const name of ["section", "title", "kicker", "subtitle", "summary", "source", "body"] as const) this.control(name).value = d[name];
    const cover = this.control("cover_image");
    cover.value = d.cover_image ?? "";
    const list = this.bylineList();
    list.replaceChildren();
    for (const b of d.bylines.length > 0 ? d.bylines : [{ name: "", role: "记者" }]) this.addByline(b);
    this.renumber();
    this.updateCounts();
    this.updateCover();
  }

  private readonly template: HTMLLIElement;

  private addByline(b: Byline): void {
    const list = this.bylineList();
    const row = this.template.cloneNode(true) as HTMLLIElement;
    const role = one("[data-byline-role]", HTMLSelectElement, row);
    if (![...role.options].some((o) => o.value === b.role)) role.add(new Option(b.role, b.role));
    role.value = b.role;
    one("[data-byline-name]", HTMLInputElement, row).value = b.name;
    list.append(row);
    this.renumber();
  }

  /** Each row's controls say which person they are for (第 2 位的姓名), with ids to match. */
  private renumber(): void {
    all("[data-byline]", HTMLLIElement, this.form).forEach((row, i) => {
      const n = i + 1;
      const role = one("[data-byline-role]", HTMLSelectElement, row);
      const name = one("[data-byline-name]", HTMLInputElement, row);
      role.id = `e-byline-role-${n}`;
      name.id = `e-byline-name-${n}`;
      const [roleLabel, nameLabel] = all("label", HTMLLabelElement, row);
      if (roleLabel) Object.assign(roleLabel, { htmlFor: role.id, textContent: `第 ${n} 位的身份` });
      if (nameLabel) Object.assign(nameLabel, { htmlFor: name.id, textContent: `第 ${n} 位的姓名` });
      const remove = maybe("[data-byline-remove]", HTMLButtonElement, row);
      if (remove) remove.textContent = `删除第 ${n} 位`;
    });
  }

  /** While an author's article waits for review it is the editors': its fields can be read, not changed. */
  lock(locked: boolean): void {
    for (const el of this.form.querySelectorAll("input, textarea")) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.readOnly = locked;
    }
    for (const el of this.form.querySelectorAll("select, [data-byline] button, [data-byline-add], [data-save]")) {
      if (el instanceof HTMLSelectElement || el instanceof HTMLButtonElement) el.disabled = locked;
    }
  }

  /** 标题 12 / 200: how many characters, and how many are left before the API's limit. */
  updateCounts(): void {
    for (const out of all("[data-count]", HTMLElement, this.form)) {
      const control = this.control(out.dataset.count ?? "");
      const limit = Number(out.dataset.limit);
      const used = codePoints(control.value);
      const over = used - limit;
      out.textContent = over > 0 ? `${used} / ${limit} 字，超出 ${over} 字，保存时会被拒绝` : `${used} / ${limit} 字，还可输入 ${limit - used} 字`;
      out.classList.toggle("over", over > 0);
      control.setAttribute("aria-invalid", over > 0 ? "true" : "false");
    }
  }

  private updateCover(): void {
    const preview = maybe("[data-cover-preview]", HTMLImageElement, this.form);
    const select = this.control("cover_image");
    if (!preview || !(select instanceof HTMLSelectElement)) return;
    const key = select.value;
    preview.hidden = key === "";
    if (key !== "") {
      preview.src = `/media/${key}`;
      preview.alt = select.selectedOptions[0]?.textContent ?? "";
    }
  }
}
