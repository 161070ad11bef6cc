// Pasting from Word, WPS or a web page into 正文: the clipboard's HTML cleaned into Markdown by the server
// (POST /api/v1/admin/paste), then each of its pictures brought into the media store — embedded data: URIs and
// the image files Word puts beside its HTML uploaded, other sites' pictures fetched by the server — and the
// whole put in at the cursor as one edit. A picture that cannot be brought in leaves a visible mark in the
// text and is listed with the reason; none is dropped in silence.
import * as v from "valibot";
import type { Answer } from "../api.ts";
import { request } from "../api.ts";
import { messageFor } from "../messages.ts";
import { asBlock, insertText } from "./insert.ts";
import { type Image, fetchImage, imageProblem, uploadImage } from "./uploads.ts";

const PasteAnswer = v.object({
  markdown: v.string(),
  images: v.array(v.object({ src: v.string(), kind: v.picklist(["embedded", "remote", "local"]), placeholder: v.string() })),
});
type PastedImage = v.InferOutput<typeof PasteAnswer>["images"][number];

/** What the person is told about one picture of the paste. */
export type PasteNote = { n: number; src: string; problem: string };

export type PasteView = { busy(text: string | null): void; notes(notes: PasteNote[]): void };

/** A placeholder's picture in the Markdown: `![alt](paste:3)`, the alt text's escapes included. */
const PICTURE = /!\[((?:\\.|[^\]\\])*)\]\((paste:[1-9][0-9]*)\)/g;

const unescape = (alt: string) => alt.replace(/\\(.)/g, "$1");

/** The bytes of a data: URI, or null when it does not hold any that can be read. */
function dataBlob(uri: string): Blob | null {
  const match = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/is.exec(uri);
  if (!match) return null;
  const [, type = "", params = "", payload = ""] = match;
  try {
    const text = /;base64/i.test(params) ? atob(payload.replace(/\s+/g, "")) : decodeURIComponent(payload);
    return new Blob([Uint8Array.from(text, (ch) => ch.charCodeAt(0))], { type });
  } catch {
    return null;
  }
}

/** `src` short enough to list: a data: URI by its type, a long address by its start and end. */
function shortSource(src: string): string {
  if (/^data:/i.test(src)) return `粘贴内容里嵌入的图片（${src.slice(5, src.search(/[;,]/)) || "未知格式"}）`;
  return src.length > 80 ? `${src.slice(0, 50)}…${src.slice(-25)}` : src;
}

type Outcome = { ok: true; image: Image } | { ok: false; problem: string };

const outcome = (answer: Answer<Image>): Outcome => (answer.ok ? { ok: true, image: answer.value } : { ok: false, problem: imageProblem(answer.error) });

/** One picture into the store: what its kind says to do with it. `files` are the clipboard's image files, for `local`. */
function bringIn(image: PastedImage, alt: string, files: File[]): Promise<Outcome> {
  const meta = { alt, caption: "" };
  if (image.kind === "remote") return fetchImage(image.src, meta).then(outcome);
  const blob = image.kind === "embedded" ? dataBlob(image.src) : (files.shift() ?? null);
  if (blob === null) {
    const problem =
      image.kind === "embedded" ? "图片数据无法读取" : "图片只在您的电脑上，浏览器拿不到它：请用“插入图片”重新选择这个文件";
    return Promise.resolve({ ok: false, problem });
  }
  return uploadImage(blob, meta, () => undefined).then(outcome);
}

/**
 * Cleans `html` and puts it in at the selection `area` had when the paste happened. The field is read-only
 * while the pictures come in, so the one insertion lands where the person pasted.
 */
export async function pasteHtml(area: HTMLTextAreaElement, html: string, plain: string, files: File[], view: PasteView): Promise<void> {
  const start = area.selectionStart;
  const end = area.selectionEnd;
  const before = area.value;
  area.readOnly = true;
  view.busy("正在整理粘贴的内容…");
  const notes: PasteNote[] = [];
  let markdown: string;
  try {
    const cleaned = await request("POST", "/api/v1/admin/paste", PasteAnswer, { body: { html } });
    if (!cleaned.ok) {
      markdown = plain;
      notes.push({ n: 0, src: "", problem: `格式没能整理，已按纯文本粘贴（${messageFor(cleaned.error).replace(/。$/, "")}）` });
    } else {
      markdown = await withPictures(cleaned.value.markdown, cleaned.value.images, files, notes, view);
    }
  } finally {
    area.readOnly = false;
    view.busy(null);
  }
  // Something else changed the field meanwhile (a recovered draft, 采用对方的): the paste goes where the cursor is now.
  const [from, to] = area.value === before ? [start, end] : [area.selectionStart, area.selectionEnd];
  insertText(area, asBlock(area, markdown, from, to), from, to);
  view.notes(notes);
}

async function withPictures(markdown: string, images: PastedImage[], files: File[], notes: PasteNote[], view: PasteView): Promise<string> {
  const alts = new Map<string, string>();
  for (const m of markdown.matchAll(PICTURE)) if (!alts.has(m[2] ?? "")) alts.set(m[2] ?? "", unescape(m[1] ?? ""));
  let done = 0;
  const total = images.length;
  if (total > 0) view.busy(`正在导入粘贴内容里的图片：0 / ${total}`);
  const pending = [...files];
  const outcomes = await Promise.all(
    images.map((image) =>
      bringIn(image, alts.get(image.placeholder) ?? "", pending).then((o) => {
        done += 1;
        view.busy(`正在导入粘贴内容里的图片：${done} / ${total}`);
        return o;
      }),
    ),
  );
  const byPlaceholder = new Map(images.map((image, i) => [image.placeholder, { image, n: i + 1, outcome: outcomes[i] }]));
  for (const { image, n, outcome: o } of byPlaceholder.values()) {
    if (o && !o.ok) notes.push({ n, src: shortSource(image.src), problem: o.problem });
    else if ((alts.get(image.placeholder) ?? "") === "") notes.push({ n, src: shortSource(image.src), problem: "已插入，但没有替代文字：请在正文里这张图片的 ![ ] 中补上" });
  }
  return markdown.replace(PICTURE, (whole, alt: string, placeholder: string) => {
    const found = byPlaceholder.get(placeholder);
    if (!found?.outcome) return whole;
    if (found.outcome.ok) return `![${alt}](${found.outcome.image.url})`;
    return `【图片未能导入：第 ${found.n} 张，${found.outcome.problem}】`;
  });
}
