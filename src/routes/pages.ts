// The reader site: home, section pages and article pages, server-rendered. Each handler says what its
// answer shows (for the edge cache to tag it: before reading, so a 404 is tagged too), reads in one round
// trip, renders, and answers; the edge cache around it does the rest.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { withoutQuery } from "../http/no-query.ts";
import { type Shows, showsOnly } from "../domain/shows.ts";
import type { Section } from "../domain/section.ts";
import { readPublishedArticle } from "../db/article-page.ts";
import { PAGE_SIZE, readSectionPage } from "../db/listings.ts";
import { readFrontPage } from "../db/front-page.ts";
import { getSectionByPath } from "../db/sections.ts";
import { parseHtmlPath } from "../content/html-paths.ts";
import { articleUrl, sectionUrl } from "../content/urls.ts";
import { renderArticlePage } from "../render/article-page.ts";
import { renderHomePage } from "../render/home-page.ts";
import type { RenderedPage } from "../render/layout.ts";
import { siteOf } from "./site.ts";
import { renderSectionPage } from "../render/section-page.ts";
import { sectionFeed } from "./feeds.ts";
import { answerLegacy } from "./legacy.ts";
import { legacyRequest } from "../content/legacy-urls.ts";

export const pages = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const HEADLINES_PER_SECTION = 8;


// On the pages' own paths only: anything else that reaches this router is a 404, query string or not.
pages.use("/", withoutQuery());
pages.use("/html/*", withoutQuery());

function sendPage(c: Ctx, page: RenderedPage) {
  c.set("shows", page.shows);
  return c.html(page.html);
}

const showing = (c: Ctx, shows: Partial<Shows>) => c.set("shows", showsOnly(shows));

/** A 404 that shows the navigation its read brought back (the error page would otherwise read it again). */
function missing(c: Ctx, nav: Section[], message: string) {
  c.set("nav", nav);
  return notFound(message);
}

pages.get("/", async (c) => {
  const now = Date.now();
  const front = await readFrontPage(c.var.db, HEADLINES_PER_SECTION, now);
  // An item leaving its slot by the clock changes the page with nothing to purge it but the cron's next run:
  // kept no longer than until then, so it is gone within the minute either way.
  if (front.nextExpiry !== null) c.set("freshFor", Math.max(1, Math.ceil((front.nextExpiry - now) / 1000)));
  return sendPage(c, renderHomePage({ ...front, site: siteOf(c) }));
});

pages.get("/html/*", async (c) => {
  const request = parseHtmlPath(c.req.path);
  // Not a Masthead URL, but perhaps an imported site's (a list page, a paged article, an old directory).
  if (!request) return answerLegacy(c, legacyRequest(c.req.path, new URLSearchParams()));
  switch (request.kind) {
    case "article":
      return articlePage(c, request.sectionPath, request.id);
    case "section":
      return sectionPage(c, request.sectionPath, request.page);
    case "feed":
      return sectionFeed(c, request.sectionPath, request.format);
    case "section-alias": {
      showing(c, { listings: [request.sectionPath] });
      if (!(await getSectionByPath(c.var.db, request.sectionPath))) throw notFound("栏目不存在");
      return c.redirect(sectionUrl(request.sectionPath), 301);
    }
  }
});

async function articlePage(c: Ctx, sectionPath: string, id: number) {
  // Until it is published (or once it is withdrawn) this URL is a 404 that the article's purge clears.
  showing(c, { articles: [id] });
  const read = await readPublishedArticle(c.var.db, id, { nav: true });
  if ("missing" in read) throw missing(c, read.nav, "文章不存在或已撤稿");
  // Moved articles and mistyped section paths keep working: one canonical URL per article. Any section path
  // may be put before an id, so this redirect is never stored by the Worker: stored, each invented path
  // would be one more copy and registration (tagged for Workers Cache all the same, which costs D1 nothing).
  if (read.sectionPath !== sectionPath) {
    c.set("spelling", true);
    return c.redirect(articleUrl(read.sectionPath, id), 301);
  }
  return sendPage(c, renderArticlePage({ ...read, site: siteOf(c) }));
}

async function sectionPage(c: Ctx, sectionPath: string, page: number) {
  // A page past the end is a 404 until the section grows: tagged with its listing.
  showing(c, { listings: [sectionPath] });
  const data = await readSectionPage(c.var.db, sectionPath, page);
  if ("missing" in data) throw missing(c, data.nav, "栏目不存在");
  const pageCount = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  if (page > pageCount) throw missing(c, data.nav, "没有这一页");
  return sendPage(c, renderSectionPage({ ...data, site: siteOf(c), page, pageCount }));
}
