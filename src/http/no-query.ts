// One URL per page or image: these take no query string, so `?from=timeline` (as WeChat appends to shared
// links) is a cacheable 301 to the resource itself, not a second copy of it in every cache.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { showsOnly } from "../domain/shows.ts";

export function withoutQuery(): MiddlewareHandler<AppEnv> {
  return async function withoutQuery(c, next) {
    const url = new URL(c.req.url);
    if (url.search === "" || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    c.set("shows", showsOnly());
    return c.redirect(url.pathname, 301);
  };
}
