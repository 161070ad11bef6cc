// 写稿 and the editor's script: autosave (client/lib/editor/saver.ts), the copy kept in this browser, the
// conflict view, publishing, revisions and preview, wired to the server-rendered form. Ctrl/⌘+S saves.
import { one } from "../lib/dom.ts";
import { fail } from "../lib/forms.ts";
import { clearMessages, showError, showFlash, showOk } from "../lib/live.ts";
import { draftAsText } from "../lib/editor/conflict.ts";
import { EditorForm } from "../lib/editor/form.ts";
import { type SaveState, Saver } from "../lib/editor/saver.ts";
import { type Kept, forget, keep, readKept, slotOf } from "../lib/editor/recovery.ts";
import { ConflictView, type Theirs } from "../lib/editor/conflict.ts";
import { PublishingPanel, STATE_WORDS } from "../lib/editor/publishing.ts";
import { RevisionList } from "../lib/editor/revisions.ts";
import { draftOf, getArticle, lastChange, listRevisions, previewLink, restoreRevision, step, transport } from "../lib/editor/server.ts";
import { FIELD_LABELS, changedFields } from "../lib/editor/draft.ts";
import { beijingTime } from "../lib/messages.ts";

showFlash();

const formEl = one("[data-editor]", HTMLFormElement);
const form = new EditorForm(formEl);
const stateLine = one("[data-save-state]", HTMLElement);
const data = formEl.dataset;
const editor = data.role === "editor" || data.role === "admin";
let publicUrl = data.publicUrl === "" ? null : (data.publicUrl ?? null);

const pad = (n: number) => String(n).padStart(2, "0");
/** 14:02:31, Beijing time: when the last save landed. */
function clock(ms: number): string {
  const at = new Date(ms + 8 * 3600 * 1000);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}

function showState(s: SaveState): void {
  stateLine.dataset.kind = s.kind;
  if (s.kind === "saved") stateLine.textContent = s.at === null ? "已保存" : `已保存 ${clock(s.at)}`;
  else if (s.kind === "saving") stateLine.textContent = "保存中…";
  else if (s.kind === "conflict") stateLine.textContent = "未保存：别人已修改了这篇文章，请在下面选择怎么办";
  else stateLine.textContent = s.why === "" ? "未保存" : `未保存：${s.why}`;
}

const slot = () => slotOf(saver.id);

/** The unsaved work, in this browser: written at every change, forgotten once the server has all of it. */
function keepLocally(): void {
  if (saver.dirty()) {
    if (!keep(slot(), { draft: form.read(), version: saver.version, at: Date.now() })) showError("浏览器不允许在本机保存草稿（存储已满或被禁用）：请尽快保存到服务器。");
  } else forget(slot());
}

const initial = form.read();
const saver = new Saver(
  {
    read: () => form.read(),
    transport,
    timers: { set: (fn, ms) => window.setTimeout(fn, ms), clear: (h) => window.clearTimeout(h), now: () => Date.now() },
    onState: showState,
    onSaved(saved) {
      const wasNew = data.id === "";
      data.id = String(saved.id);
      data.version = String(saved.version);
      publicUrl = saved.url;
      if (wasNew) becameArticle(saved.id);
      keepLocally();
      showStatus(saved.status);
    },
    onConflict: (error) => void conflictFrom(error),
    onError: fail,
  },
  {
    base: initial,
    id: data.id === "" ? null : Number(data.id),
    version: data.version === "" ? null : Number(data.version),
    status: data.state ?? "draft",
  },
);

// A new article got its id: the address, the copy kept here and the page follow it, without a reload.
function becameArticle(id: number): void {
  forget(slotOf(null));
  history.replaceState(null, "", `/desk/articles/${id}`);
  revisionsButton.hidden = false;
}

// --- Typing, leaving a field, hiding the tab, Ctrl/⌘+S: when saves start -----------------------------------
formEl.addEventListener("compositionstart", () => {
  saver.composing = true;
});
formEl.addEventListener("compositionend", () => {
  saver.composing = false;
  keepLocally();
  saver.touch();
});
formEl.addEventListener("input", (event) => {
  // Mid-composition the field holds pinyin, not text: it is kept and saved once the word is chosen.
  if (event instanceof InputEvent && event.isComposing) return;
  if (saver.composing) return;
  keepLocally();
  saver.touch();
});
formEl.addEventListener("change", () => {
  keepLocally();
  saver.touch();
});
formEl.addEventListener("focusout", () => {
  if (!saver.composing && saver.dirty()) void saver.save(false);
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden" && saver.dirty()) {
    keepLocally();
    void saver.save(false);
  }
});
window.addEventListener("online", () => {
  if (saver.dirty()) void saver.save(false);
});
window.addEventListener("beforeunload", (event) => {
  if (!saver.unsafe()) return;
  keepLocally();
  event.preventDefault();
});

async function explicitSave(): Promise<void> {
  clearMessages();
  if (await saver.save(true)) showOk("已保存。");
}
formEl.addEventListener("submit", (event) => {
  event.preventDefault();
  void explicitSave();
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
    event.preventDefault();
    void explicitSave();
  }
});
one("[data-save]", HTMLButtonElement, formEl).hidden = false;

// --- The copy kept in this browser, offered back -----------------------------------------------------------
const recoveryBox = one("[data-recovery]", HTMLElement);

function offer(kept: Kept, slotName: string, what: string): void {
  one("[data-recovery-text]", HTMLElement, recoveryBox).textContent =
    `${what}（${beijingTime(new Date(kept.at).toISOString())}，与服务器上不同的有：${changedFields(saver.base, kept.draft).map((k) => FIELD_LABELS[k]).join("、")}）。要放回编辑框吗？`;
  recoveryBox.hidden = false;
  const restore = one("[data-recovery-restore]", HTMLButtonElement, recoveryBox);
  const discard = one("[data-recovery-discard]", HTMLButtonElement, recoveryBox);
  restore.onclick = () => {
    recoveryBox.hidden = true;
    forget(slotName);
    form.write(kept.draft);
    // On the version it was written on: if the article moved on since, the save is a conflict, shown.
    if (kept.version !== null && saver.version !== null && kept.version < saver.version) saver.version = kept.version;
    keepLocally();
    saver.touch();
    one("#e-title", HTMLInputElement).focus();
  };
  discard.onclick = () => {
    if (!confirm("放弃后，这些没有保存的内容将被删除，不能找回。确定放弃吗？")) return;
    recoveryBox.hidden = true;
    forget(slotName);
    one("#e-title", HTMLInputElement).focus();
  };
}

for (const [slotName, what] of [
  [slotOf(saver.id), "这台电脑上有这篇文章没有保存的内容"],
  [slotOf(saver.id, "set-aside"), "这台电脑上有您在冲突时搁置的版本"],
] as const) {
  const kept = readKept(slotName);
  if (kept === null) continue;
  if (changedFields(saver.base, kept.draft).length === 0) forget(slotName);
  else {
    offer(kept, slotName, what);
    break;
  }
}

// --- Conflicts ----------------------------------------------------------------------------------------------
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an unfocused page, an older browser): the selection way still works.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("aria-hidden", "true");
    area.className = "visually-hidden";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

const conflict = new ConflictView(document, {
  keepMine(theirs) {
    conflict.hide();
    // Mine on top of theirs: the fields I changed are mine, the ones I left alone take what they wrote.
    const mine = form.read();
    const touched = new Set(changedFields(saver.base, mine));
    const merged = { ...theirs.draft };
    for (const key of touched) Object.assign(merged, { [key]: mine[key] });
    form.write(merged);
    saver.resume(theirs.draft, theirs.version, theirs.status);
    data.version = String(theirs.version);
    void saver.save(true).then((ok) => ok && showOk("已保存：您的内容覆盖了对方的修改（对方的版本仍在版本记录里）。"));
  },
  takeTheirs(theirs) {
    const mine = form.read();
    keep(slotOf(saver.id, "set-aside"), { draft: mine, version: theirs.version, at: Date.now() });
    conflict.hide();
    form.write(theirs.draft);
    saver.resume(theirs.draft, theirs.version, theirs.status);
    forget(slot());
    showState({ kind: "saved", at: Date.now() });
    showStatus(theirs.status);
    showOk("已采用对方的版本。您的版本搁置在这台电脑上，下次打开这篇文章时会提示恢复。");
  },
  copyMine() {
    void copyText(draftAsText(form.read())).then((ok) => (ok ? showOk("已把您的版本复制到剪贴板。") : showError("复制没有成功，请手动选择文字复制。")));
  },
});

async function conflictFrom(error: Parameters<typeof lastChange>[1]): Promise<void> {
  const id = saver.id;
  if (id === null) return;
  keepLocally();
  const [now, change] = await Promise.all([getArticle(id), lastChange(id, error)]);
  if (!now.ok) return fail(now.error);
  const theirs: Theirs = {
    draft: draftOf(now.value),
    version: now.value.version,
    status: now.value.status,
    who: change.who,
    when: change.at === null ? "刚才" : beijingTime(change.at),
  };
  conflict.show(theirs, form.read());
}

// --- Publishing, preview, revisions ------------------------------------------------------------------------
function showStatus(status: string): void {
  saver.status = status;
  const badge = document.querySelector("[data-state-badge] .status");
  if (badge) {
    badge.className = `status status-${status}`;
    badge.textContent = STATE_WORDS[status] ?? status;
  }
  if (saver.id !== null) panel.show(status, publicUrl);
}

const DONE: Record<string, string> = {
  schedule: "已定时：到时间会自动发布到网站上。",
  unpublish: "已撤稿：这篇文章已从网站上撤下，现在是草稿。",
  archive: "已归档：这篇文章已从网站上撤下。",
  trash: "已删除：这篇文章在回收站里，网站上已看不到。",
  restore: "已恢复：这篇文章回到了草稿。",
};

const panel = new PublishingPanel(document, { editor, own: data.own === "1" }, {
  async take(action, body) {
    clearMessages();
    if (!(await saver.save(true)) || saver.id === null || saver.version === null) {
      if (!saver.blocked()) showError("请先保存文章（需要栏目和标题），再发布或修改状态。");
      return null;
    }
    const answer = await step(saver.id, saver.version, action, body);
    if (!answer.ok) {
      if (answer.error.status === 412) void conflictFrom(answer.error);
      else fail(answer.error);
      return null;
    }
    saver.version = answer.value.version;
    data.version = String(answer.value.version);
    publicUrl = answer.value.url;
    showStatus(answer.value.status);
    if (answer.value.status === "published") showOk(`已发布，读者现在可以看到：${new URL(answer.value.url, location.origin).href}`);
    else showOk(DONE[action] ?? "已完成。");
    if (!revisionsButton.hidden && revisionsLoaded) void loadRevisions();
    return answer.value.status;
  },
  async preview() {
    clearMessages();
    if (!(await saver.save(true)) || saver.id === null) return showError("请先保存文章（需要栏目和标题），再预览。");
    const answer = await previewLink(saver.id);
    if (!answer.ok) return fail(answer.error);
    const link = document.createElement("a");
    link.href = answer.value.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = "打开预览（新窗口，链接在文章再次修改前有效）";
    one("[data-preview-link]", HTMLElement).replaceChildren(link);
    link.focus();
  },
});

const revisionsButton = one("[data-revisions-load]", HTMLButtonElement);
let revisionsLoaded = false;
const revisions = new RevisionList(document, (n) => void restoreTo(n));

async function loadRevisions(): Promise<void> {
  if (saver.id === null) return;
  const answer = await listRevisions(saver.id);
  if (!answer.ok) return fail(answer.error);
  revisionsLoaded = true;
  revisions.show(answer.value.items, saver.version);
  revisionsButton.textContent = "刷新版本记录";
}

async function restoreTo(n: number): Promise<void> {
  if (!confirm(`把第 ${n} 版的内容恢复为新的版本？当前内容仍保留在版本记录里。${saver.status === "published" ? "这篇文章已发布，恢复后网站上立即显示第 " + n + " 版的内容。" : ""}`)) return;
  clearMessages();
  if (!(await saver.save(true)) || saver.id === null || saver.version === null) return;
  const answer = await restoreRevision(saver.id, saver.version, n);
  if (!answer.ok) return answer.error.status === 412 ? void conflictFrom(answer.error) : fail(answer.error);
  const restored = draftOf(answer.value);
  form.write(restored);
  saver.resume(restored, answer.value.version, answer.value.status);
  data.version = String(answer.value.version);
  showState({ kind: "saved", at: Date.now() });
  showStatus(answer.value.status);
  showOk(`已恢复第 ${n} 版的内容（现在是第 ${answer.value.version} 版）。`);
  await loadRevisions();
}

revisionsButton.addEventListener("click", () => void loadRevisions());
revisionsButton.hidden = saver.id === null;
if (saver.id !== null) panel.show(saver.status, publicUrl);
showState(saver.id === null ? { kind: "unsaved", why: "" } : { kind: "saved", at: null });
