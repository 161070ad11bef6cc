// Pasting from Word, WPS or a web page (POST /api/v1/admin/paste): the clipboard's HTML in, Markdown and the
// list of its pictures out (src/content/paste.ts). Nothing is stored: the editor uploads the embedded
// pictures, asks the server to fetch the remote ones (POST /api/v1/admin/images/fetch) and puts their
// /media/ URLs where the placeholders are; every picture it cannot bring in is listed to the person.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { PasteRequest } from "../content/schemas.ts";
import type { PasteAnswer } from "../content/responses.ts";
import { pasteToMarkdown } from "../content/paste.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";

export const adminPaste = new Hono<AppEnv>();

/**
 * A clipboard may carry pictures as data: URIs: room for one at the upload cap (10 MiB is 13.4 MiB as
 * base64) and the page around it.
 */
const PASTE_MAX_BYTES = 16 * 1024 * 1024;

adminPaste.post("/", async (c) => {
  parseQuery(c, NoQuery);
  const { value: body } = await readJson(c, PasteRequest, PASTE_MAX_BYTES);
  const { markdown, images } = pasteToMarkdown(body.html, new URL(c.env.SITE_URL).origin);
  c.header("Cache-Control", "no-store");
  const answer: PasteAnswer = { markdown, images };
  return c.json(answer);
});
