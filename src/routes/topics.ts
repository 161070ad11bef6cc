// Topic pages (专题) for readers: /special/<slug>/ and its further pages, its feeds beside them, and the other
// names of its first page redirected. Each says what it shows before reading (so a 404 is tagged too), reads
// in one round trip, renders, and answers; the edge cache around it does the rest.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { withoutQuery } from "../http/no-query.ts";
import { parseSpecialPath } from "../content/special-paths.ts";
import { topicUrl } from "../content/urls.ts";
import { TOPIC_PAGE_SIZE, readTopicPage } from "../db/topic-page.ts";
import { getTopic } from "../db/topics.ts";
import { renderTopicPage } from "../render/topic-page.ts";
import { topicFeed } from "./feeds.ts";
import { siteOf } from "./site.ts";
import { answerLegacy } from "./legacy.ts";
import { legacyRequest } from "../content/legacy-urls.ts";

export const topicPages = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

topicPages.use("/special/*", withoutQuery());

topicPages.get("/special/*", async (c) => {
  const request = parseSpecialPath(c.req.path);
  // Not a topic's URL, but perhaps an imported site's (DedeCMS kept its 专题 under /special/ too).
  if (!request) return answerLegacy(c, legacyRequest(c.req.path, new URLSearchParams()));
  switch (request.kind) {
    case "topic":
      return topicPage(c, request.slug, request.page);
    case "feed":
      return topicFeed(c, request.slug, request.format);
    case "topic-alias": {
      c.set("shows", { articles: [], listings: [], topics: [request.slug] });
      if (!(await getTopic(c.var.db, request.slug))) throw notFound("专题不存在");
      return c.redirect(topicUrl(request.slug), 301);
    }
  }
});

async function topicPage(c: Ctx, slug: string, page: number) {
  c.set("shows", { articles: [], listings: [], topics: [slug] });
  const data = await readTopicPage(c.var.db, slug, page);
  // The 404 page shows the navigation the one statement brought back, rather than read it again.
  c.set("nav", data.nav);
  if ("missing" in data) throw notFound("专题不存在");
  const pageCount = Math.max(1, Math.ceil(data.total / TOPIC_PAGE_SIZE));
  if (page > pageCount) throw notFound("没有这一页");
  const rendered = renderTopicPage({ ...data, site: siteOf(c), page, pageCount, pageSize: TOPIC_PAGE_SIZE });
  c.set("shows", rendered.shows);
  return c.html(rendered.html);
}
