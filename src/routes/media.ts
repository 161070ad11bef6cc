// Serves uploaded images from R2 at /media/<key>: immutable, validated by their content hash, rangeable.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { getMediaObject, headMediaObject } from "../storage/media-objects.ts";
import { contentRange, ifRangeHolds, noneMatch, parseRange, strongEtag } from "../http/conditional.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { keyHash } from "../media/key.ts";
import { withoutQuery } from "../http/no-query.ts";
import { IMMUTABLE, browserCacheControl, edgeCacheControl } from "../cache/freshness.ts";
import { SITE_TAG } from "../cache/tags.ts";

export const media = new Hono<AppEnv>();

media.use("*", withoutQuery());

// The same headers on 200, 206, 304 and HEAD (RFC 9110 §15.4.5 asks a 304 to repeat ETag and Cache-Control).
// A key's bytes never change, so every cache may keep them for a year; nothing ever needs to purge them.
function cacheHeaders(etag: string): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": browserCacheControl(IMMUTABLE, true),
    "Cloudflare-CDN-Cache-Control": edgeCacheControl(IMMUTABLE),
    "Cache-Tag": SITE_TAG,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  };
}

const contentTypeOf = (object: R2Object) => object.httpMetadata?.contentType ?? "application/octet-stream";

// Hono answers HEAD with this GET route and drops the body; it is told apart to skip reading the object.
media.get("/:key", async (c) => {
  const key = c.req.param("key");
  // Checked before R2 is touched: nothing but a content-hash key can reach the bucket.
  if (!MEDIA_KEY.test(key)) throw notFound();
  const bucket = c.env.MEDIA;
  const etag = strongEtag(keyHash(key));
  const headers = cacheHeaders(etag);

  if (!noneMatch(c.req.header("If-None-Match"), etag)) {
    if (!(await headMediaObject(bucket, key))) throw notFound();
    return c.body(null, 304, headers);
  }

  const rangeHeader = ifRangeHolds(c.req.header("If-Range"), etag) ? c.req.header("Range") : undefined;
  if (c.req.method === "HEAD" || rangeHeader !== undefined) {
    const head = await headMediaObject(bucket, key);
    if (!head) throw notFound();
    const whole = { ...headers, "Content-Type": contentTypeOf(head), "Content-Length": String(head.size) };
    if (c.req.method === "HEAD") return c.body(null, 200, whole);
    const range = parseRange(rangeHeader, head.size);
    if (range.kind === "unsatisfiable")
      throw new DomainError("range_not_satisfiable", "Range not satisfiable", { size: head.size });
    if (range.kind === "partial") {
      const part = await getMediaObject(bucket, key, range);
      if (!part) throw notFound();
      return c.body(part.body, 206, {
        ...whole,
        "Content-Range": contentRange(range, head.size),
        "Content-Length": String(range.length),
      });
    }
  }

  const object = await getMediaObject(bucket, key);
  if (!object) throw notFound();
  return c.body(object.body, 200, {
    ...headers,
    "Content-Type": contentTypeOf(object),
    "Content-Length": String(object.size),
  });
});
