// The public, read-only JSON API (mounted at /api/v1): published articles and the section tree.
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { SITE_LISTING, type Shows, showsOnly } from "../domain/shows.ts";
import { badRequest, notFound } from "../domain/errors.ts";
import { DEFAULT_LIMIT, pageOf } from "../http/list-query.ts";
import { ArticleId, ArticleListQuery } from "../http/api-queries.ts";
import { NO_STORE } from "../cache/freshness.ts";
import { readPublishedArticle } from "../db/article-page.ts";
import { listPublished } from "../db/listings.ts";
import { listSections } from "../db/sections.ts";
import { issueDetails } from "../content/text-rules.ts";
import { articleDetailJson, articleSummaryJson, neighbourJson } from "../render/article-json.ts";
import { sectionTreeJson } from "../render/section-json.ts";
import { NoQuery, canonicalSearch, parseQuery, spelledAs } from "../http/query.ts";

export const publicApi = new Hono<AppEnv>();


type Ctx = Context<AppEnv>;

/** Public and cached at the edge, tagged with what it shows (publicCors makes it readable from any origin). */
function sendJson<T>(c: Ctx, body: T, shows: Partial<Shows> = {}) {
  c.set("shows", showsOnly(shows));
  return c.json(body);
}

publicApi.get("/articles", async (c) => {
  const { section, limit, cursor } = parseQuery(c, ArticleListQuery);
  c.set("shows", showsOnly({ listings: [section ?? SITE_LISTING] }));
  const url = new URL(c.req.url);
  const canonical = canonicalSearch([["section", section], ["limit", limit, DEFAULT_LIMIT], ["cursor", url.searchParams.get("cursor") ?? undefined]]);
  if (!spelledAs(url.search, canonical)) return c.redirect(`${url.pathname}${canonical}`, 301);
  const listed = await listPublished(c.var.db, {
    limit: limit + 1,
    after: cursor ?? null,
    ...(section !== undefined && { sectionPath: section }),
  });
  if (!listed) throw notFound(`No section "${section}"`);
  // A page from a cursor is kept only when the cursor names an article of this listing (one this server could
  // have issued) and the page has the default size: otherwise any well-formed [published_at, id] pair, at any of
  // a hundred limits, would be one more stored copy. Such a page is still answered — a client whose cursor's
  // article has since left the listing reads on from where it was — but never kept.
  if (cursor !== undefined && (!listed.cursorKnown || limit !== DEFAULT_LIMIT)) c.header("Cache-Control", NO_STORE);
  const page = pageOf(listed.rows, limit, (r) => [r.article.publishedAt ?? 0, r.article.id]);
  return sendJson(
    c,
    { items: page.items.map((r) => articleSummaryJson(r.article, r.section)), next_cursor: page.next_cursor },
    { articles: page.items.map((r) => r.article.id), listings: [section ?? SITE_LISTING] },
  );
});

publicApi.get("/articles/:id", async (c) => {
  parseQuery(c, NoQuery);
  const id = v.safeParse(ArticleId, c.req.param("id"));
  if (!id.success) throw badRequest("Invalid article id", issueDetails(id.issues).map((d) => ({ ...d, path: "id" })));
  c.set("shows", showsOnly({ articles: [id.output] }));
  const read = await readPublishedArticle(c.var.db, id.output, { nav: false });
  if ("missing" in read) throw notFound(`No published article ${id.output}`);
  return sendJson(
    c,
    articleDetailJson(read.article, read.chain, {
      prev: read.older ? neighbourJson(read.older) : null,
      next: read.newer ? neighbourJson(read.newer) : null,
    }),
    { articles: [read.article.id, ...(read.older ? [read.older.id] : []), ...(read.newer ? [read.newer.id] : [])] },
  );
});

publicApi.get("/sections", async (c) => {
  parseQuery(c, NoQuery);
  return sendJson(c, { items: sectionTreeJson(await listSections(c.var.db)) });
});
