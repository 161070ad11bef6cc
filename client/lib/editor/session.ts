// One article open in the editor: the form, its saver and the state line, the copy kept in this browser, and
// the moments a save starts (a pause in typing, leaving a field, hiding the tab, Ctrl/⌘+S, back online). What
// happens on a conflict, a new id or a new state is the page's to decide (the hooks).
import type { ApiError } from "../api.ts";
import { one } from "../dom.ts";
import { fail } from "../forms.ts";
import { clearMessages, showError, showOk } from "../live.ts";
import { EditorForm } from "./form.ts";
import { forget, keep, slotOf } from "./recovery.ts";
import { type SaveState, Saver } from "./saver.ts";
import { transport } from "./server.ts";

type SessionHooks = {
  conflict(error: ApiError): void;
  created(id: number): void;
  status(status: string): void;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** 14:02:31, Beijing time: when the last save landed. */
function clock(ms: number): string {
  const at = new Date(ms + 8 * 3600 * 1000);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}

export class EditorSession {
  readonly form: EditorForm;
  readonly saver: Saver;
  readonly editor: boolean;
  readonly own: boolean;
  /** The article's address on the public site, once it has one. */
  publicUrl: string | null;
  private readonly stateLine: HTMLElement;

  constructor(formEl: HTMLFormElement, hooks: SessionHooks) {
    const data = formEl.dataset;
    this.form = new EditorForm(formEl);
    this.stateLine = one("[data-save-state]", HTMLElement, formEl);
    this.editor = data.role === "editor" || data.role === "admin";
    this.own = data.own === "1";
    this.publicUrl = data.publicUrl ? data.publicUrl : null;
    this.saver = new Saver(
      {
        read: () => this.form.read(),
        transport,
        timers: { set: (fn, ms) => window.setTimeout(fn, ms), clear: (h) => window.clearTimeout(h), now: () => Date.now() },
        onState: (s) => this.showState(s),
        onSaved: (saved) => {
          const wasNew = data.id === "";
          data.id = String(saved.id);
          this.publicUrl = saved.url;
          if (wasNew) {
            forget(slotOf(null));
            history.replaceState(null, "", `/desk/articles/${saved.id}`);
            hooks.created(saved.id);
          }
          this.keepLocally();
          hooks.status(saved.status);
        },
        onConflict: (error) => {
          this.keepLocally();
          hooks.conflict(error);
        },
        onError: fail,
      },
      {
        base: this.form.read(),
        id: data.id ? Number(data.id) : null,
        version: data.version ? Number(data.version) : null,
        status: data.state ?? "draft",
      },
    );
    this.listen(formEl);
    this.showState(this.saver.id === null ? { kind: "unsaved", why: "" } : { kind: "saved", at: null });
  }

  showState(s: SaveState | { kind: "locked"; why: string }): void {
    const line = this.stateLine;
    line.dataset.kind = s.kind;
    if (s.kind === "saved") line.textContent = s.at === null ? "已保存" : `已保存 ${clock(s.at)}`;
    else if (s.kind === "saving") line.textContent = "保存中…";
    else if (s.kind === "locked") line.textContent = s.why;
    else if (s.kind === "conflict") line.textContent = "未保存：别人已修改了这篇文章，请在下面选择怎么办";
    else line.textContent = s.why === "" ? "未保存" : `未保存：${s.why}`;
  }

  /** The unsaved work, in this browser: written at every change, forgotten once the server has all of it. */
  keepLocally(): void {
    const slot = slotOf(this.saver.id);
    if (!this.saver.dirty()) return forget(slot);
    if (!keep(slot, { draft: this.form.read(), version: this.saver.version, at: Date.now() })) {
      showError("浏览器不允许在本机保存草稿（存储已满或被禁用）：请尽快保存到服务器。");
    }
  }

  /** Something changed: kept here at once, saved a moment later. */
  changed(): void {
    this.keepLocally();
    this.saver.touch();
  }

  async explicitSave(): Promise<boolean> {
    clearMessages();
    const saved = await this.saver.save(true);
    if (saved) showOk("已保存。");
    return saved;
  }

  private listen(formEl: HTMLFormElement): void {
    const saver = this.saver;
    formEl.addEventListener("compositionstart", () => {
      saver.composing = true;
    });
    formEl.addEventListener("compositionend", () => {
      saver.composing = false;
      this.changed();
    });
    formEl.addEventListener("input", (event) => {
      // Mid-composition the field holds pinyin, not text: it is kept and saved once the word is chosen.
      if ((event instanceof InputEvent && event.isComposing) || saver.composing) return;
      this.changed();
    });
    formEl.addEventListener("change", () => this.changed());
    formEl.addEventListener("focusout", () => {
      if (!saver.composing && saver.dirty()) void saver.save(false);
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "hidden" || !saver.dirty()) return;
      this.keepLocally();
      void saver.save(false);
    });
    window.addEventListener("online", () => {
      if (saver.dirty()) void saver.save(false);
    });
    window.addEventListener("beforeunload", (event) => {
      if (!saver.unsafe()) return;
      this.keepLocally();
      event.preventDefault();
    });
    formEl.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.explicitSave();
    });
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void this.explicitSave();
      }
    });
    one("[data-save]", HTMLButtonElement, formEl).hidden = false;
  }
}
