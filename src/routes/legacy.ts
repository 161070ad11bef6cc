// An imported portal's old URLs keep working: each answers a 301 to its canonical URL (src/content/legacy-urls.ts
// says what an old URL asks for; src/db/legacy.ts where it leads). They are reader URLs, served from the edge
// cache and tagged with the article or listing they lead to, so a move or an unpublish purges them too.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import type { LegacyTarget } from "../domain/legacy.ts";
import { type LegacyRequest, isLegacyPath, legacyRequest } from "../content/legacy-urls.ts";
import { articleUrl, sectionUrl, topicUrl } from "../content/urls.ts";
import { legacyPathTarget, legacySectionTarget, publishedArticleTarget } from "../db/legacy.ts";
import { legacyTopicTarget } from "../db/legacy-topics.ts";
import { showsOnly } from "../domain/shows.ts";

type Ctx = Context<AppEnv>;

const GONE = "页面不存在";

async function targetOf(c: Ctx, request: LegacyRequest): Promise<LegacyTarget | null> {
  switch (request.kind) {
    case "article":
      return publishedArticleTarget(c.var.db, request.id);
    case "section":
      return legacySectionTarget(c.var.db, request.system, request.legacyId);
    case "topic":
      return legacyTopicTarget(c.var.db, request.system, request.legacyId);
    case "path": {
      const target = await legacyPathTarget(c.var.db, request.path, request.unpaged);
      // Found by its first page: any page number finds it, so the answer is not kept under this one's key.
      if (target?.byFirstPage) c.set("spelling", true);
      return target;
    }
    case "home":
      return null;
  }
}

/** Answers an old URL: 301 to where it leads now, or 404 (tagged, so a later publication clears it). */
export async function answerLegacy(c: Ctx, request: LegacyRequest | null): Promise<Response> {
  c.set("shows", showsOnly({ articles: request?.kind === "article" ? [request.id] : [] }));
  if (!request) throw notFound(GONE);
  if (request.kind === "home") return c.redirect("/", 301);
  const target = await targetOf(c, request);
  if (target?.kind === "section") {
    c.set("shows", showsOnly({ listings: [target.sectionPath] }));
    return c.redirect(sectionUrl(target.sectionPath), 301);
  }
  // An old 专题: purged with its topic (t:<slug>), and gone with it.
  if (target?.kind === "topic") {
    c.set("shows", showsOnly({ articles: request.kind === "article" ? [request.id] : [], topics: [target.slug] }));
    return c.redirect(topicUrl(target.slug), 301);
  }
  if (target) c.set("shows", showsOnly({ articles: [target.id] }));
  if (!target?.sectionPath) throw notFound(GONE);
  return c.redirect(articleUrl(target.sectionPath, target.id), 301);
}

/** Runs `middleware` for old URLs only (paths no Masthead route serves that look like pages). */
export function forLegacyPaths(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async function forLegacyPaths(c, next) {
    if (!isLegacyPath(c.req.path)) return next();
    return middleware(c, next);
  };
}

/** Mount before the routes: GET and HEAD of an old URL are answered here, everything else passes on. */
export function legacyRedirects(): MiddlewareHandler<AppEnv> {
  return async function legacyRedirects(c, next) {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || !isLegacyPath(c.req.path)) return next();
    return answerLegacy(c, legacyRequest(c.req.path, new URL(c.req.url).searchParams));
  };
}
