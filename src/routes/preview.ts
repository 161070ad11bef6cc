// Draft previews at /preview/<id>?v=<version>&exp=<unix seconds>&sig=<HMAC>: the article as it will look,
// for whoever holds a link an editor made (POST /api/v1/admin/articles/<id>/preview). Never cached, never
// indexed: Cache-Control private, no-store and X-Robots-Tag noindex, on refusals too.
import { siteOf } from "./site.ts";
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound, previewsDisabled } from "../domain/errors.ts";
import { verifyPreview } from "../auth/preview-links.ts";
import { readArticleForPreview } from "../db/article-page.ts";
import { renderArticlePage } from "../render/article-page.ts";
import { parseQuery } from "../http/query.ts";

export const previews = new Hono<AppEnv>();

const Whole = (max: number) => v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be a whole number"), v.transform(Number), v.maxValue(max));

const PreviewQuery = v.objectWithRest(
  { v: Whole(Number.MAX_SAFE_INTEGER), exp: Whole(Number.MAX_SAFE_INTEGER), sig: v.string() },
  v.never("is not a parameter of a preview link"),
);

const refused = (message: string) => new DomainError("forbidden", message, { required_role: "a valid preview link" });

previews.use("*", async (c, next) => {
  await next();
  c.res.headers.set("Cache-Control", "private, no-store");
  c.res.headers.set("X-Robots-Tag", "noindex, nofollow");
});

previews.get("/:id{[1-9][0-9]{0,15}}", async (c) => {
  const secret = c.env.PREVIEW_SECRET;
  if (!secret) throw previewsDisabled();
  const id = Number(c.req.param("id"));
  let query: v.InferOutput<typeof PreviewQuery>;
  try {
    query = parseQuery(c, PreviewQuery);
  } catch {
    throw refused("This preview link is incomplete or malformed");
  }
  const claim = { id, version: query.v, expires: query.exp };
  if (!(await verifyPreview(secret, claim, query.sig))) throw refused("This preview link is not valid");
  if (query.exp * 1000 <= Date.now()) throw new DomainError("gone", "This preview link has expired; ask for a new one");
  const read = await readArticleForPreview(c.var.db, id);
  if (!read) throw notFound("This article is gone");
  if (read.article.version !== query.v) {
    throw new DomainError("gone", `The article has changed since this link was made (version ${query.v}, now ${read.article.version}); ask for a new one`);
  }
  const a = read.article;
  const page = renderArticlePage({
    ...read,
    site: siteOf(c),
    article: { ...a, publishedAt: a.publishedAt ?? a.publishAt ?? Date.now() },
    ...(a.status !== "published" && { preview: { status: a.status } }),
  });
  return c.html(page.html);
});
