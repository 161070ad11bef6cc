// CORS for the public, read-only API (Fetch Standard, "CORS protocol"): any origin may read it, errors
// included, and a preflight learns it may only GET. Never mount it on the admin API.
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
    c.header("Access-Control-Allow-Origin", "*");
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      c.header("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    await next();
  };
}
