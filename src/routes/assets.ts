// Static assets: the one stylesheet, at a URL that names its content hash, so every cache keeps it for a year.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { IMMUTABLE, browserCacheControl, edgeCacheControl } from "../cache/freshness.ts";
import { SITE_TAG } from "../cache/tags.ts";
import { noneMatch } from "../http/conditional.ts";
import { STYLESHEET, STYLESHEET_HASH } from "../render/stylesheet.ts";

export const assets = new Hono<AppEnv>();

const ETAG = `"${STYLESHEET_HASH}"`;

assets.get("/:file{site\\.[0-9a-f]{8}\\.css}", (c) => {
  // A page cached before a deploy may ask for the previous hash: it gets today's sheet, briefly cached.
  const current = c.req.param("file") === `site.${STYLESHEET_HASH}.css`;
  const headers = {
    ETag: ETAG,
    "Cache-Control": current ? browserCacheControl(IMMUTABLE, true) : "public, max-age=300",
    ...(current && { "Cloudflare-CDN-Cache-Control": edgeCacheControl(IMMUTABLE) }),
    "Cache-Tag": SITE_TAG,
  };
  if (!noneMatch(c.req.header("If-None-Match"), ETAG)) return c.body(null, 304, headers);
  return c.body(STYLESHEET, 200, { ...headers, "Content-Type": "text/css; charset=utf-8" });
});
