// 正在编辑: while an article is open, a heartbeat every 30 s tells the server, and its answer says who else has
// it open — and whether someone saved a newer version, so the person hears of it before their own save is
// refused, or took the article over (接管编辑, takeover.ts), after which the heartbeats stop. Presence only
// warns; If-Match decides. Leaving the page says goodbye.
import { Presence } from "../../../src/content/responses.ts";
import { request } from "../api.ts";
import { one } from "../dom.ts";
import { beijingTime } from "../messages.ts";
import type { Saver } from "./saver.ts";

const BEAT_MS = 30_000;

export type PresenceHooks = {
  /** Who else has it open now (empty when no one). */
  others(names: readonly string[]): void;
  /** Someone took the article over from this editor: no more heartbeats follow. */
  taken(by: string, at: string): void;
};

export type PresenceWatch = { beat(): Promise<void> };

export function watchPresence(saver: Saver, me: number, hooks: PresenceHooks): PresenceWatch {
  const line = one("[data-presence]", HTMLElement);
  let started = false;
  let timer: number | null = null;
  let over = false;

  async function beat(): Promise<void> {
    if (saver.id === null || over) return;
    const answer = await request("PUT", `/api/v1/admin/articles/${saver.id}/presence`, Presence);
    if (!answer.ok || over) return;
    const { editing, version, last_change, taken_over } = answer.value;
    if (taken_over) {
      over = true;
      if (timer !== null) window.clearInterval(timer);
      line.hidden = true;
      return hooks.taken(taken_over.by.name, taken_over.at);
    }
    const parts: string[] = [];
    if (editing.length > 0) parts.push(`${editing.map((e) => e.name).join("、")} 正在编辑这篇文章。`);
    if (saver.version !== null && version > saver.version && last_change && last_change.actor.id !== me) {
      parts.push(`${last_change.actor.name} 于 ${beijingTime(last_change.at)} 保存了新的版本（第 ${version} 版）；您再保存时会看到双方的差别。`);
    }
    const text = parts.join(" ");
    // Said again only when it changes: a live region re-reads what is rewritten.
    if (line.textContent !== text) line.textContent = text;
    line.hidden = text === "";
    hooks.others(editing.map((e) => e.name));
  }

  function start(): void {
    if (started || saver.id === null) return;
    started = true;
    void beat();
    timer = window.setInterval(() => void beat(), BEAT_MS);
    // The goodbye must outlive the page: keepalive, with the desk's headers (the server's CSRF rule).
    window.addEventListener("pagehide", () => {
      if (over) return;
      void fetch(`/api/v1/admin/articles/${saver.id}/presence`, {
        method: "DELETE",
        keepalive: true,
        credentials: "same-origin",
        headers: { "X-Masthead-Desk": "1", "Content-Type": "application/json" },
      });
    });
  }

  start();
  // A new article has no presence until its first save gives it an id.
  document.addEventListener("masthead:created", start);
  return { beat };
}
