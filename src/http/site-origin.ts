// Links follow where the site is served. Pages, feeds, sitemaps and preview links print absolute URLs from
// SITE_URL. A deployed site names its configured public origin whatever Host a request carries (no header
// can make a page link elsewhere, nor a second copy of it in the cache). Locally — SITE_URL on a loopback
// host, and the request on one too — the site may be served on another port (`npm run dev -- --port 8790`)
// or address, and its links name the origin that served them; the cache key, made from the same origin,
// then keeps :8790's copies apart from :8787's. A Worker whose SITE_URL is still a loopback address refuses
// to answer any other host: it would print links to localhost to the world (`npm run deploy` refuses such a
// SITE_URL before it uploads anything: scripts/checks/site-url.ts).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";

/** localhost and *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and [::1]: names that reach only this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(?:\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

export type SiteOrigin = { ok: true; origin: string } | { ok: false; message: string };

/** The origin links name for a request to `requestUrl` on a site configured at `siteUrl`. */
export function siteOriginFor(siteUrl: string, requestUrl: string): SiteOrigin {
  const site = new URL(siteUrl);
  const asked = new URL(requestUrl);
  if (!isLoopbackHost(site.hostname)) return { ok: true, origin: site.origin };
  if (isLoopbackHost(asked.hostname)) return { ok: true, origin: asked.origin };
  return {
    ok: false,
    message: `SITE_URL is ${site.origin}, a local address, but this site is served at ${asked.origin}: set SITE_URL in wrangler.toml to the public origin and deploy again`,
  };
}

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
