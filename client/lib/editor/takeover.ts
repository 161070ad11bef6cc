// 接管编辑, both ways. Taking over: when someone else has the article open, a button asks the server to take it
// over from them (after a confirmation). Taken over: at the next heartbeat this editor hears who took over,
// stops autosaving, keeps the unsaved text in this browser (recovery.ts) and says so, offering to copy it.
// Neither way blocks a save: If-Match still decides whose save wins.
import { Takeover } from "../../../src/content/responses.ts";
import { request } from "../api.ts";
import { one } from "../dom.ts";
import { fail } from "../forms.ts";
import { showError, showOk } from "../live.ts";
import { beijingTime } from "../messages.ts";
import { copyText } from "./choices.ts";
import { draftAsText } from "./conflict.ts";
import { type PresenceWatch, watchPresence } from "./presence.ts";
import type { EditorSession } from "./session.ts";

/** Presence with 接管编辑: the page's one call. */
export function watchEditors(session: EditorSession, me: number): void {
  const { saver, form } = session;
  const offer = one("[data-takeover-offer]", HTMLElement);
  const banner = one("[data-taken]", HTMLElement);
  let others: readonly string[] = [];
  let presence: PresenceWatch | null = null;

  async function takeOver(): Promise<void> {
    if (saver.id === null || others.length === 0) return;
    const names = others.join("、");
    if (!confirm(`接管 ${names} 正在进行的编辑？对方的编辑器会停止自动保存，对方还没保存的文字会留在对方的浏览器里。`)) return;
    const answer = await request("POST", `/api/v1/admin/articles/${saver.id}/presence/takeover`, Takeover);
    if (!answer.ok) return fail(answer.error);
    const from = answer.value.taken_from.map((p) => p.name).join("、");
    // Who is still here, said before the outcome, so the two never disagree on screen.
    await presence?.beat();
    showOk(from === "" ? "现在没有别人在编辑这篇文章。" : `已接管编辑：${from} 的编辑器会在半分钟内停止自动保存。`);
  }

  function taken(by: string, at: string): void {
    const unsaved = saver.dirty();
    saver.autosaveOff = `${by} 已接管编辑，自动保存已停止；内容已保存在本机`;
    session.keepLocally();
    if (unsaved) session.showState({ kind: "unsaved", why: saver.autosaveOff });
    offer.hidden = true;
    one("[data-taken-text]", HTMLElement, banner).textContent =
      `${by} 于 ${beijingTime(at)} 接管了这篇文章的编辑，您的编辑器已停止自动保存。` +
      (unsaved
        ? "您还没保存的文字已保存在这台电脑的浏览器里，重新打开这篇文章时会提示恢复；也可以先复制下来。"
        : "您的文字都已保存，没有丢失。") +
      "如果仍要保存，请按“保存”：只有对方还没保存新版本时才会成功，不会覆盖对方的改动。";
    one("[data-taken-reopen]", HTMLAnchorElement, banner).href = location.pathname;
    banner.hidden = false;
    banner.focus();
  }

  one("[data-takeover]", HTMLButtonElement, offer).addEventListener("click", () => void takeOver());
  one("[data-taken-copy]", HTMLButtonElement, banner).addEventListener("click", () => {
    void copyText(draftAsText(form.read())).then((ok) => (ok ? showOk("已把您的文字复制到剪贴板。") : showError("复制没有成功，请手动选择文字复制。")));
  });
  presence = watchPresence(saver, me, {
    others(names) {
      others = names;
      offer.hidden = names.length === 0;
    },
    taken,
  });
}
