// Static assets: the site's and the desk's stylesheets, the logo and the icon, each at a URL that names its content hash, so every
// cache keeps it for a year; and /favicon.ico, at the one path that cannot name its hash.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { type Freshness, IMMUTABLE, browserCacheControl, edgeCacheControl } from "../cache/freshness.ts";
import { SITE_TAG } from "../cache/tags.ts";
import { noneMatch } from "../http/conditional.ts";
import { FAVICON_HASH, FAVICON_ICO, FAVICON_URL, ICON_HASH, ICON_SVG } from "../render/icon.ts";
import { LOGO_HASH, LOGO_SVG } from "../render/logo.ts";
import { STYLESHEET, STYLESHEET_HASH } from "../render/stylesheet.ts";
import { DESK_STYLESHEET, DESK_STYLESHEET_HASH } from "../render/desk-stylesheet.ts";

export const assets = new Hono<AppEnv>();

export const favicon = new Hono<AppEnv>();

const DAY = 86_400;

/**
 * /favicon.ico changes only with a deploy, and purging the site's tag after one clears it at the edge: kept a
 * day there and in browsers (which nothing purges, and which ask again after a day), stale a week more should
 * the Worker fail.
 */
const FIXED_PATH: Freshness = { browser: DAY, edge: DAY, staleWhileRevalidate: DAY, staleIfError: 7 * DAY };

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

assets.get("/:file{icon\\.[0-9a-f]{8}\\.svg}", (c) =>
  hashed(c, c.req.param("file"), `icon.${ICON_HASH}.svg`, ICON_HASH, ICON_SVG, "image/svg+xml"),
);

// Asked for at this path by every browser that finds no icon link, by feed readers and by crawlers.
favicon.get(FAVICON_URL, (c) => {
  const etag = `"${FAVICON_HASH}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": browserCacheControl(FIXED_PATH),
    "Cloudflare-CDN-Cache-Control": edgeCacheControl(FIXED_PATH),
    "Cache-Tag": SITE_TAG,
  };
  if (!noneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
  return c.body(FAVICON_ICO, 200, { ...headers, "Content-Type": "image/vnd.microsoft.icon" });
});
