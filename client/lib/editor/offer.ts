// 有未保存的内容: what this browser kept of an article (unsaved work, or the version 采用对方的 set aside),
// offered back when the article is opened, to bring into the fields or to throw away (after asking).
import { one } from "../dom.ts";
import { beijingTime } from "../messages.ts";
import { FIELD_LABELS, changedFields } from "./draft.ts";
import { type Kept, forget, readKept, slotOf } from "./recovery.ts";
import type { EditorSession } from "./session.ts";

function offer(session: EditorSession, box: HTMLElement, kept: Kept, slot: string, what: string): void {
  const { saver, form } = session;
  const differ = changedFields(saver.base, kept.draft).map((k) => FIELD_LABELS[k]);
  one("[data-recovery-text]", HTMLElement, box).textContent =
    `${what}（${beijingTime(new Date(kept.at).toISOString())}，与服务器上不同的有：${differ.join("、")}）。要放回编辑框吗？`;
  box.hidden = false;
  const title = () => one("#e-title", HTMLInputElement).focus();
  one("[data-recovery-restore]", HTMLButtonElement, box).onclick = () => {
    box.hidden = true;
    forget(slot);
    form.write(kept.draft);
    // Saved on the version it was written on: if the article moved on since, that is a conflict, shown.
    if (kept.version !== null && saver.version !== null && kept.version < saver.version) saver.version = kept.version;
    session.changed();
    title();
  };
  one("[data-recovery-discard]", HTMLButtonElement, box).onclick = () => {
    if (!confirm("放弃后，这些没有保存的内容将被删除，不能找回。确定放弃吗？")) return;
    box.hidden = true;
    forget(slot);
    title();
  };
}

/** Offers the first copy kept here that differs from what the server has; forgets copies that do not. */
export function offerKept(session: EditorSession): void {
  const box = one("[data-recovery]", HTMLElement);
  const id = session.saver.id;
  for (const [slot, what] of [
    [slotOf(id), "这台电脑上有这篇文章没有保存的内容"],
    [slotOf(id, "set-aside"), "这台电脑上有您在冲突时搁置的版本"],
  ] as const) {
    const kept = readKept(slot);
    if (kept === null) continue;
    if (changedFields(session.saver.base, kept.draft).length === 0) forget(slot);
    else return offer(session, box, kept, slot, what);
  }
}
