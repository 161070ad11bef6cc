// 实时预览: the article as readers will see it, rendered by the server from the fields on screen (POST
// /api/v1/admin/articles/render stores nothing). Refreshed a second after typing stops, one request at a
// time, only while the pane is open. The HTML is the server's own render, sanitized there as a save would be,
// shown in a frame with the reader site's own stylesheet (not the desk's): a srcdoc document, sandboxed with
// no allow-scripts and no allow-same-origin, so nothing in it can run or reach the desk (docs/editor.md).
import * as v from "valibot";
import { request } from "../api.ts";
import { one } from "../dom.ts";
import { messageFor } from "../messages.ts";
import type { EditorForm } from "./form.ts";

const QUIET_MS = 1000;
const Rendered = v.object({ html: v.string(), stylesheet: v.string() });

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The reader page around the server's HTML: its stylesheet, its language, a phone's width where it is one. */
const pageOf = (r: v.InferOutput<typeof Rendered>) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${attr(r.stylesheet)}"></head><body>${r.html}</body></html>`;

export function livePreview(form: EditorForm): void {
  const toggle = one("[data-live-toggle]", HTMLButtonElement);
  const pane = one("[data-live-preview]", HTMLElement);
  const frame = document.createElement("iframe");
  frame.title = "实时预览：读者看到的样子";
  frame.className = "live-frame";
  // No token at all: no scripts, an opaque origin (no cookies, no desk API), no forms, no popups.
  frame.setAttribute("sandbox", "");
  let timer: number | null = null;
  let busy = false;
  let again = false;

  // The frame holds its place from the moment the pane opens, the hint above it: a preview arriving while the
  // person reaches for a button below (版本记录's) must not move that button from under the pointer.
  const hint = document.createElement("p");
  hint.className = "hint";
  pane.replaceChildren(hint, frame);
  const say = (text: string) => {
    hint.textContent = text;
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
    if (answer.ok) {
      frame.srcdoc = pageOf(answer.value);
      say("读者看到的样子，输入停下一秒后更新。");
    } else say(`预览没有生成：${messageFor(answer.error)}`);
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
