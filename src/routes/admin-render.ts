// The editor's live preview (POST /api/v1/admin/articles/render): the fields on screen in, the article
// page's main content out, as src/publish/preview.ts renders it. Called every second or two while a
// person writes; it reads two index lookups and stores nothing.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { ArticleRender, LIMITS } from "../content/schemas.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { renderPreview } from "../publish/preview.ts";
import { STYLESHEET_URL } from "../render/stylesheet.ts";

export const adminRender = new Hono<AppEnv>();

adminRender.post("/render", async (c) => {
  parseQuery(c, NoQuery);
  const { value: input } = await readJson(c, ArticleRender, LIMITS.requestBytes);
  const html = await renderPreview(c.var.db, input, { name: c.env.SITE_NAME, url: c.env.SITE_URL }, Date.now());
  c.header("Cache-Control", "no-store");
  // The reader pages' stylesheet, for a preview frame to show it in the site's own look.
  return c.json({ html: String(await html), stylesheet: STYLESHEET_URL });
});
