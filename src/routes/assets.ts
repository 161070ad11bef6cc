// Static assets: the site's and the desk's stylesheets and the logo, each at a URL that names its content hash, so every cache keeps
// it for a year.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { IMMUTABLE, browserCacheControl, edgeCacheControl } from "../cache/freshness.ts";
import { SITE_TAG } from "../cache/tags.ts";
import { noneMatch } from "../http/conditional.ts";
import { LOGO_HASH, LOGO_SVG } from "../render/logo.ts";
import { STYLESHEET, STYLESHEET_HASH } from "../render/stylesheet.ts";
import { DESK_STYLESHEET, DESK_STYLESHEET_HASH } from "../render/desk-stylesheet.ts";

export const assets = new Hono<AppEnv>();

/** One content-hashed file: a page cached before a deploy may ask for the previous hash, and gets today's, briefly cached. */
function hashed(c: Context<AppEnv>, asked: string, current: string, hash: string, body: string, contentType: string) {
  const etag = `"${hash}"`;
  const isCurrent = asked === current;
  const headers = {
    ETag: etag,
    "Cache-Control": isCurrent ? browserCacheControl(IMMUTABLE, true) : "public, max-age=300",
    ...(isCurrent && { "Cloudflare-CDN-Cache-Control": edgeCacheControl(IMMUTABLE) }),
    "Cache-Tag": SITE_TAG,
  };
  if (!noneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "Content-Type": contentType });
}

assets.get("/:file{site\\.[0-9a-f]{8}\\.css}", (c) =>
  hashed(c, c.req.param("file"), `site.${STYLESHEET_HASH}.css`, STYLESHEET_HASH, STYLESHEET, "text/css; charset=utf-8"),
);

assets.get("/:file{desk\\.[0-9a-f]{8}\\.css}", (c) =>
  hashed(c, c.req.param("file"), `desk.${DESK_STYLESHEET_HASH}.css`, DESK_STYLESHEET_HASH, DESK_STYLESHEET, "text/css; charset=utf-8"),
);

assets.get("/:file{logo\\.[0-9a-f]{8}\\.svg}", (c) =>
  hashed(c, c.req.param("file"), `logo.${LOGO_HASH}.svg`, LOGO_HASH, LOGO_SVG, "image/svg+xml"),
);
