// Maps every failure to a page in the site's look or a JSON body, by what the client asked for.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { renderErrorPage } from "../render/error-page.ts";
import { prefersJson } from "./accept.ts";

/** API paths always answer JSON; elsewhere, JSON when the client prefers it to HTML. */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith("/api/")) return true;
  return prefersJson(c.req.header("Accept"));
}

function respond(c: Context<AppEnv>, err: AppError) {
  for (const [name, value] of Object.entries(err.extra.headers ?? {})) c.header(name, value);
  if (wantsJson(c)) {
    const { headers: _headers, ...extra } = err.extra;
    return c.json({ error: { code: err.code, message: err.message, ...extra } }, err.status);
  }
  return c.html(renderErrorPage({ siteName: c.env.SITE_NAME, status: err.status, message: err.message }), err.status);
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, new AppError(404, "not_found", "页面不存在 / Not found"));

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return respond(c, err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return respond(c, new AppError(status, status === 413 ? "payload_too_large" : "http_error", err.message || "Request refused"));
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  return respond(c, new AppError(500, "internal_error", "服务器内部错误 / Internal server error"));
};
