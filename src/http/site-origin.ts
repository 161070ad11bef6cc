// Links follow where the site is served. Pages, feeds, sitemaps and preview links print absolute URLs from
// SITE_URL. A deployed site names its configured public origin whatever Host a request carries (no header
// can make a page link elsewhere, nor a second copy of it in the cache). Locally — SITE_URL on a loopback
// host, and the request on one too — the site may be served on another port (`npm run dev -- --port 8790`)
// or address, and its links name the origin that served them; the cache key, made from the same origin,
// then keeps :8790's copies apart from :8787's. A Worker whose SITE_URL is still a loopback address refuses
// to answer any other host: it would print links to localhost to the world (`npm run deploy` refuses such a
// SITE_URL before it uploads anything: scripts/checks/site-url.ts). The rule itself: src/content/site-origin.ts.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";
import { siteOriginFor } from "../content/site-origin.ts";

/** Mount first: every later reader of c.env.SITE_URL (routes, the cache key) sees the origin links must name. */
export function siteOrigin(): MiddlewareHandler<AppEnv> {
  return async function siteOrigin(c, next) {
    const found = siteOriginFor(c.env.SITE_URL, c.req.url);
    if (!found.ok) {
      console.error("misconfigured:", found.message);
      throw new DomainError("misconfigured", found.message);
    }
    // A per-request copy: the env object itself is shared by every request in the isolate.
    if (found.origin !== c.env.SITE_URL) c.env = { ...c.env, SITE_URL: found.origin };
    await next();
  };
}
