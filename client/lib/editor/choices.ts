// What happens after a 412: their version fetched and shown against mine (conflict.ts), and the three ways
// on — 保留我的 (my changes on top of theirs, saved on their version), 采用对方的 (theirs in the fields, mine set
// aside in this browser), 复制我的 (mine to the clipboard).
import type { ApiError } from "../api.ts";
import { fail } from "../forms.ts";
import { showError, showOk } from "../live.ts";
import { beijingTime } from "../messages.ts";
import { ConflictView, draftAsText } from "./conflict.ts";
import { changedFields } from "./draft.ts";
import { forget, keep, slotOf } from "./recovery.ts";
import { draftOf, getArticle, lastChange } from "./server.ts";
import type { EditorSession } from "./session.ts";

/** Text to the clipboard: 复制我的 here, and the same after a takeover (takeover.ts). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an unfocused page, an older browser): copying a selection still works.
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

export type ConflictFlow = { show(error: ApiError): Promise<void> };

export function conflictFlow(session: EditorSession, status: (s: string) => void): ConflictFlow {
  const { saver, form } = session;
  const view = new ConflictView(document, {
    keepMine(theirs) {
      view.hide();
      // Mine on top of theirs: the fields I changed are mine, the ones I left alone take what they wrote.
      const mine = form.read();
      const merged = { ...theirs.draft };
      for (const key of changedFields(saver.base, mine)) Object.assign(merged, { [key]: mine[key] });
      form.write(merged);
      saver.resume(theirs.draft, theirs.version, theirs.status);
      void saver.save(true).then((ok) => ok && showOk("已保存：您的改动保存在对方的版本之上（对方的版本仍在版本记录里）。"));
    },
    takeTheirs(theirs) {
      keep(slotOf(saver.id, "set-aside"), { draft: form.read(), version: theirs.version, at: Date.now() });
      view.hide();
      form.write(theirs.draft);
      saver.resume(theirs.draft, theirs.version, theirs.status);
      forget(slotOf(saver.id));
      session.showState({ kind: "saved", at: Date.now() });
      status(theirs.status);
      showOk("已采用对方的版本。您的版本搁置在这台电脑上，下次打开这篇文章时会提示恢复。");
    },
    copyMine() {
      void copyText(draftAsText(form.read())).then((ok) => (ok ? showOk("已把您的版本复制到剪贴板。") : showError("复制没有成功，请手动选择文字复制。")));
    },
  });
  return {
    async show(error) {
      const id = saver.id;
      if (id === null) return;
      const [now, change] = await Promise.all([getArticle(id), lastChange(id, error)]);
      if (!now.ok) return fail(now.error);
      const when = change.at === null ? "刚才" : beijingTime(change.at);
      view.show({ draft: draftOf(now.value), version: now.value.version, status: now.value.status, who: change.who, when }, form.read());
    },
  };
}
