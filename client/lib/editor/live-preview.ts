// 实时预览: the article as readers will see it, rendered by the server from the fields on screen (POST
// /api/v1/admin/articles/render stores nothing). Refreshed a second after typing stops, one request at a
// time, only while the pane is open. The HTML is the server's own render, sanitized there as a save would be.
import * as v from "valibot";
import { request } from "../api.ts";
import { one } from "../dom.ts";
import { messageFor } from "../messages.ts";
import type { EditorForm } from "./form.ts";

const QUIET_MS = 1000;
const Rendered = v.object({ html: v.string(), stylesheet: v.string() });

export function livePreview(form: EditorForm): void {
  const toggle = one("[data-live-toggle]", HTMLButtonElement);
  const pane = one("[data-live-preview]", HTMLElement);
  let timer: number | null = null;
  let busy = false;
  let again = false;

  const say = (text: string) => {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = text;
    pane.replaceChildren(p);
  };

  async function refresh(): Promise<void> {
    if (pane.hidden) return;
    if (busy) {
      again = true;
      return;
    }
    const d = form.read();
    if (d.section === "") return say("选好栏目后显示预览。");
    busy = true;
    const answer = await request("POST", "/api/v1/admin/articles/render", Rendered, { body: d });
    busy = false;
    if (answer.ok) pane.innerHTML = answer.value.html;
    else say(`预览没有生成：${messageFor(answer.error)}`);
    if (again) {
      again = false;
      void refresh();
    }
  }

  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = pane.hidden;
    pane.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "隐藏实时预览" : "显示实时预览";
    if (open) void refresh();
  });
  form.form.addEventListener("input", () => {
    if (pane.hidden) return;
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), QUIET_MS);
  });
  form.form.addEventListener("change", () => void refresh());
}
