// Maps every failure to its HTTP status and headers — in one table, the only place that knows them — and
// answers with a page in the site's look or a JSON body, by what the client asked for.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { DomainError, type ErrorCode, type ErrorInfo } from "../domain/errors.ts";
import type { Section } from "../domain/section.ts";
import type { Db } from "../domain/db.ts";
import { d1Failure } from "../db/d1-errors.ts";
import { readNav } from "../db/listings.ts";
import { renderErrorPage } from "../render/error-page.ts";
import { strongEtag } from "./conditional.ts";
import { prefersJson } from "./accept.ts";
import { registrationOf } from "../content/registration.ts";

const CHALLENGE = 'Bearer realm="masthead"';

type Rule = { status: ContentfulStatusCode; headers?: (info: ErrorInfo) => Record<string, string> };

const STATUS: Record<ErrorCode, Rule> = {
  bad_request: { status: 400 },
  empty_body: { status: 400 },
  // RFC 6750 §3: the challenge on every 401, with error="invalid_token" when a token was presented.
  unauthorized: { status: 401, headers: () => ({ "WWW-Authenticate": CHALLENGE }) },
  invalid_token: { status: 401, headers: () => ({ "WWW-Authenticate": `${CHALLENGE}, error="invalid_token"` }) },
  // A sign-in that failed: the same answer for an unknown, disabled or not yet active account as for a wrong password.
  invalid_credentials: { status: 401, headers: () => ({ "WWW-Authenticate": CHALLENGE }) },
  forbidden: { status: 403 },
  csrf: { status: 403 },
  access_only: { status: 403 },
  access_denied: { status: 403 },
  not_a_person: { status: 403 },
  not_found: { status: 404 },
  // RFC 9110 §15.5.6: a 405 lists the methods the resource does allow.
  method_not_allowed: { status: 405, headers: (i) => ({ Allow: String(i.allow ?? "") }) },
  gone: { status: 410 },
  link_unknown: { status: 404 },
  link_expired: { status: 410 },
  link_used: { status: 410 },
  payload_too_large: { status: 413 },
  unsupported_media_type: { status: 415 },
  // RFC 9110 §15.5.17: the current length, as `bytes */<size>`.
  range_not_satisfiable: { status: 416, headers: (i) => ({ "Content-Range": `bytes */${Number(i.size)}`, "Accept-Ranges": "bytes" }) },
  precondition_required: { status: 428 },
  // The version that won goes back as the ETag, so the client can fetch it and merge.
  version_conflict: { status: 412, headers: (i) => ({ ETag: strongEtag(Number(i.current_version)) }) },
  conflict: { status: 409 },
  id_taken: { status: 409 },
  in_trash: { status: 409 },
  already_published: { status: 409 },
  wrong_status: { status: 409 },
  section_gone: { status: 409 },
  idempotency_race: { status: 409 },
  last_admin_key: { status: 409 },
  last_admin: { status: 409 },
  login_taken: { status: 409 },
  email_taken: { status: 409 },
  passkey_taken: { status: 409 },
  key_revoked: { status: 409 },
  rotated_concurrently: { status: 409 },
  slug_taken: { status: 409 },
  group_not_empty: { status: 409 },
  revision_unreadable: { status: 409 },
  invalid: { status: 422 },
  unknown_section: { status: 422 },
  unknown_image: { status: 422 },
  body_too_large: { status: 422 },
  invalid_image: { status: 422 },
  image_too_large: { status: 422 },
  idempotency_key_reused: { status: 422 },
  weak_password: { status: 422 },
  passkey_rejected: { status: 422 },
  fetch_failed: { status: 422 },
  unknown_article: { status: 422 },
  not_published: { status: 422 },
  needs_picture: { status: 422 },
  over_capacity: { status: 422 },
  unknown_group: { status: 422 },
  too_many_failures: { status: 429, headers: (i) => ({ "Retry-After": String(i.retry_after) }) },
  too_many_requests: { status: 429, headers: (i) => ({ "Retry-After": String(i.retry_after) }) },
  internal_error: { status: 500 },
  unavailable: { status: 503, headers: (i) => ({ "Retry-After": String(i.retry_after ?? 30) }) },
  previews_disabled: { status: 503 },
  misconfigured: { status: 500 },
};

export const statusOf = (code: ErrorCode): ContentfulStatusCode => STATUS[code].status;

/** API paths always answer JSON; elsewhere, JSON when the client prefers it to HTML. */
function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith("/api/")) return true;
  return prefersJson(c.req.header("Accept"));
}

/**
 * The navigation a 404 page shows: what the route read before finding nothing, or — when the request has
 * not been to D1 yet, so it costs that one round trip and never a second — read now. Other error pages show
 * none: a 5xx may come from D1 itself, and must not need it.
 */
async function navFor(c: Context<AppEnv>, status: number): Promise<Section[]> {
  // A HEAD's body is never sent: nothing to read it for.
  if (status !== 404 || c.req.method === "HEAD") return [];
  const read = c.get("nav");
  if (read) return read;
  if (c.get("d1Usage")?.roundTrips !== 0) return [];
  const session: Db | undefined = c.get("db");
  try {
    return await readNav(session ?? c.env.DB.withSession("first-unconstrained"));
  } catch (err) {
    console.error("404 page without navigation: D1 failed", c.req.path, err);
    return [];
  }
}

async function respond(c: Context<AppEnv>, err: DomainError) {
  const rule = STATUS[err.code];
  for (const [name, value] of Object.entries(rule.headers?.(err.info) ?? {})) c.header(name, value);
  const json = wantsJson(c);
  // A failure of the service, or a refusal of this client, is about this moment, and a JSON error on a page's
  // URL is not what that URL shows everyone else: none may be kept. (Other errors are for the edge cache to judge.)
  if (rule.status >= 500 || rule.status === 429 || (json && !c.req.path.startsWith("/api/"))) c.header("Cache-Control", "no-store");
  if (json) return c.json({ error: { code: err.code, message: err.message, ...err.info } }, rule.status);
  const nav = await navFor(c, rule.status);
  return c.html(renderErrorPage({ siteName: c.env.SITE_NAME, status: rule.status, message: err.message, nav, registration: registrationOf(c.env) }), rule.status);
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => respond(c, new DomainError("not_found", "页面不存在 / Not found"));

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof DomainError) return respond(c, err);
  if (err instanceof HTTPException) {
    const code: ErrorCode = err.status === 413 ? "payload_too_large" : err.status === 400 ? "bad_request" : "internal_error";
    return respond(c, new DomainError(code, err.message || "Request refused"));
  }
  const d1 = d1Failure(err);
  if (d1?.transient) {
    console.error(`D1 unavailable (${d1.reason})`, c.req.method, c.req.path, err);
    return respond(c, new DomainError("unavailable", "数据库暂时不可用，请稍后再试 / The database is unavailable; try again shortly", { retry_after: d1.retryAfter }));
  }
  console.error(d1 ? `D1 refused (${d1.reason})` : "unhandled error", c.req.method, c.req.path, err);
  return respond(c, new DomainError("internal_error", "服务器内部错误 / Internal server error"));
};
