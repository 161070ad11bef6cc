// Static assets: the one stylesheet, at a URL that names its content hash, so it is cached for a year.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { STYLESHEET, STYLESHEET_HASH } from "../render/stylesheet.ts";

export const assets = new Hono<AppEnv>();

assets.get("/:file{site\\.[0-9a-f]{8}\\.css}", (c) => {
  // A page cached before a deploy may ask for the previous hash: it gets today's sheet, briefly cached.
  const current = c.req.param("file") === `site.${STYLESHEET_HASH}.css`;
  c.header("Content-Type", "text/css; charset=utf-8");
  c.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=300");
  return c.body(STYLESHEET);
});
