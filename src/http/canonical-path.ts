// One URL per resource: the edge cache keys on the URL, so a second spelling of a path would be a second copy
// of its page. Escaped unreserved characters are redirected to their plain spelling (RFC 3986 §6.2.2.2);
// every other escape, and empty segments, are refused, since no path this site prints needs one.
import type { MiddlewareHandler } from "hono";
import { notFound } from "../domain/errors.ts";

export type PathSpelling = { kind: "canonical" } | { kind: "alias"; canonical: string } | { kind: "invalid" };

// RFC 3986 §2.3: these mean the same escaped or not, and URI producers should not escape them.
const UNRESERVED = /^[A-Za-z0-9._~-]$/;
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;

/**
 * How a raw path (as sent, not decoded) spells itself. Reserved characters (`%2F`, `%3F`, …), control bytes
 * and UTF-8 are data when escaped (§2.2), not another spelling of a plain path, so they are invalid here;
 * so are `%zz`, empty segments (`/html//xw/`) and a decoding that would create a `.` or `..` segment.
 */
export function pathSpelling(raw: string): PathSpelling {
  if (raw.includes("//")) return { kind: "invalid" };
  if (!raw.includes("%")) return { kind: "canonical" };
  if (MALFORMED_ESCAPE.test(raw)) return { kind: "invalid" };
  let invalid = false;
  const decoded = raw.replace(ESCAPE, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    if (UNRESERVED.test(char)) return char;
    invalid = true;
    return escape;
  });
  if (invalid || decoded.split("/").some((segment) => segment === "." || segment === "..")) return { kind: "invalid" };
  return { kind: "alias", canonical: decoded };
}

// The redirect follows from the spelling alone, so caches may keep it; an hour, not a year, in case the rule changes.
const REDIRECT_CACHE_CONTROL = "public, max-age=3600";

/** Mount before every route: 301 (GET, HEAD) or 308 (other methods keep theirs) to the plain spelling, 404 for invalid ones. */
export function canonicalPath(): MiddlewareHandler {
  return async function canonicalPath(c, next) {
    // Hono's c.req.path is already decoded; the spelling is only in the raw URL.
    const url = new URL(c.req.url);
    const spelling = pathSpelling(url.pathname);
    if (spelling.kind === "invalid") throw notFound("页面不存在 / Not found");
    // A bare "?" is a second spelling too: `/html/xw/?` would be a second key for `/html/xw/` in every cache.
    const bareQuery = url.search === "" && c.req.url.includes("?");
    if (spelling.kind === "alias" || bareQuery) {
      c.header("Cache-Control", REDIRECT_CACHE_CONTROL);
      const safe = c.req.method === "GET" || c.req.method === "HEAD";
      return c.redirect((spelling.kind === "alias" ? spelling.canonical : url.pathname) + url.search, safe ? 301 : 308);
    }
    await next();
  };
}
