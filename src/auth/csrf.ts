// What a browser's change must carry when a credential the browser attaches by itself vouches for it (the
// session cookie, or Cloudflare Access's): a JSON (or multipart, for uploads) body, the desk's own header and
// the site's Origin. A page on another site can make a browser send a form (urlencoded, multipart, text/plain)
// or a plain POST, but never a custom header or a cross-origin JSON request without a CORS preflight, which
// nothing here grants; and every browser names the Origin of a non-GET request. Any one missing: 403 `csrf`.
// hono/csrf checks only form-shaped requests' Origin; this rule is stricter, so it is written out here.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";
import { siteOrigin } from "./origin.ts";

const DESK_HEADER = "X-Masthead-Desk";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CHANGE_TYPES = /^(?:application\/json|multipart\/form-data)\s*(?:;|$)/i;

/** Why this request may not change anything on a browser's credential; null when it may. */
function deskRequestProblem(req: Request, siteUrl: string): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  if (req.headers.get(DESK_HEADER) !== "1") return `A change from the desk carries ${DESK_HEADER}: 1`;
  if (!CHANGE_TYPES.test(req.headers.get("Content-Type") ?? "")) return "A change from the desk is sent as application/json (or multipart/form-data for uploads)";
  if (req.headers.get("Origin") !== siteOrigin(siteUrl, req.url)) return "A change from the desk comes from the site's own pages (Origin)";
  return null;
}

/** Throws 403 `csrf` unless the request may change something on a browser's credential. */
export function checkDeskRequest(c: Context<AppEnv>): void {
  const problem = deskRequestProblem(c.req.raw, c.env.SITE_URL);
  if (problem) throw new DomainError("csrf", problem);
}
