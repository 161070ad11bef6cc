// CORS for the public, read-only API (Fetch Standard, "CORS protocol"): any origin may read it, errors
// included, and a preflight learns it may only GET. Never on the admin API nor on sign-in.
import type { MiddlewareHandler } from "hono";

// Browsers cap this (Chromium at 2 hours); the answer only changes when the API's methods do.
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/**
 * Sets `Access-Control-Allow-Origin: *` on every response, errors too, so a page on another origin can read
 * why it was refused. OPTIONS gets the preflight headers and goes on to the app's notFound, which answers
 * 204 with Allow for a known path. No credentials: the API holds only public data and ignores them.
 */
export function publicCors(): MiddlewareHandler {
  return async function publicCors(c, next) {
    // The admin API and sign-in live under the same prefix; they are for editors' tools and the desk's own
    // pages, not for pages on other origins.
    if (c.req.path.startsWith("/api/v1/admin") || c.req.path.startsWith("/api/v1/auth")) return next();
    await next();
    // Set on the way out, on whatever answered: a route, an error, a redirect to the canonical spelling.
    c.res.headers.set("Access-Control-Allow-Origin", "*");
    c.res.headers.set("Access-Control-Expose-Headers", "ETag, Age, X-Cache");
    if (c.req.method === "OPTIONS") {
      c.res.headers.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      // Conditional requests are how a client keeps up cheaply: let it send the validators.
      c.res.headers.set("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
      c.res.headers.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
    }
  };
}
