// A picture into the media store from the editor: a file uploaded with its progress (XMLHttpRequest: fetch
// cannot report an upload's progress), or a picture on another site fetched by the server; each answer is the
// image as the admin API shows it, or why it was refused in the desk's words (src/desk/error-words.ts).
import * as v from "valibot";
import { type Answer, type ApiError, errorOf, request } from "../api.ts";
import { messageFor } from "../messages.ts";
import { imageRefusalWords } from "../../../src/desk/error-words.ts";

export const Image = v.looseObject({ key: v.string(), url: v.string(), alt: v.string(), caption: v.string() });
export type Image = v.InferOutput<typeof Image>;

const IMAGES = "/api/v1/admin/images";

/** Why a picture was refused, in one Chinese sentence fragment (no English from the server). */
export function imageProblem(error: ApiError): string {
  return imageRefusalWords(error.code, error.info) ?? messageFor(error).replace(/。$/, "");
}

type Metadata = { alt: string; caption: string };

/** Uploads `file` (multipart, as the desk sends uploads), reporting the share sent so far (0–1). */
export function uploadImage(file: Blob, meta: Metadata, progress: (share: number) => void): Promise<Answer<Image>> {
  const body = new FormData();
  body.append("file", file);
  if (meta.alt !== "") body.append("alt", meta.alt);
  if (meta.caption !== "") body.append("caption", meta.caption);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", IMAGES);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-Masthead-Desk", "1");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && e.total > 0) progress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => {
      const res = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status < 200 || xhr.status >= 300) {
        void errorOf(res).then((error) => resolve({ ok: false, error }));
        return;
      }
      void res.json().then(
        (json: unknown) => {
          const parsed = v.safeParse(Image, json);
          resolve(parsed.success ? { ok: true, value: parsed.output, etag: null } : { ok: false, error: { status: xhr.status, code: "bad_answer", message: "", info: {} } });
        },
        () => resolve({ ok: false, error: { status: xhr.status, code: "bad_answer", message: "", info: {} } }),
      );
    });
    xhr.addEventListener("error", () => resolve({ ok: false, error: { status: 0, code: "network", message: "", info: {} } }));
    xhr.send(body);
  });
}

/** Has the server fetch the picture at `url` (another site's) into the store. */
export const fetchImage = (url: string, meta: Metadata) =>
  request("POST", `${IMAGES}/fetch`, Image, { body: { url, ...(meta.alt !== "" && { alt: meta.alt }), ...(meta.caption !== "" && { caption: meta.caption }) } });

const Page = v.object({ items: v.array(Image), next_cursor: v.nullable(v.string()) });

/** A page of the library, newest first, narrowed to alt text or captions containing `q` when it is not blank. */
export function listImages(q: string, cursor: string | null): Promise<Answer<v.InferOutput<typeof Page>>> {
  const query = new URLSearchParams({ limit: "24" });
  if (q.trim() !== "") query.set("q", q.trim());
  if (cursor !== null) query.set("cursor", cursor);
  return request("GET", `${IMAGES}?${query}`, Page);
}

/** `![alt](url)`, the alt text's brackets and backslashes escaped so it stays the picture's description. */
export const imageMarkdown = (alt: string, url: string) => `![${alt.replace(/[\\[\]]/g, "\\$&")}](${url})`;
