// The reader site: home, section pages and article pages, server-rendered. Each handler parses the URL,
// reads in one or two round trips, renders, and answers with what the page shows (for a cache to tag later).
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { readPublishedArticle } from "../db/article-page.ts";
import { PAGE_SIZE, readHome, readSectionPage } from "../db/listings.ts";
import { getSectionByPath } from "../db/sections.ts";
import { articleUrl, sectionUrl } from "../content/urls.ts";
import { renderArticlePage } from "../render/article-page.ts";
import { renderHomePage } from "../render/home-page.ts";
import type { RenderedPage, Site } from "../render/layout.ts";
import { renderSectionPage } from "../render/section-page.ts";
import { parseHtmlPath } from "../content/html-paths.ts";

export const pages = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const HEADLINES_PER_SECTION = 8;
const PAGE_CACHE_CONTROL = "public, max-age=60";

const siteOf = (c: Ctx): Site => ({ name: c.env.SITE_NAME, url: c.env.SITE_URL });

function sendPage(c: Ctx, page: RenderedPage) {
  c.header("Cache-Control", PAGE_CACHE_CONTROL);
  return c.html(page.html);
}

function redirect(c: Ctx, location: string) {
  c.header("Cache-Control", PAGE_CACHE_CONTROL);
  return c.redirect(location, 301);
}

pages.get("/", async (c) => {
  const home = await readHome(c.env.DB, HEADLINES_PER_SECTION);
  return sendPage(c, renderHomePage({ ...home, site: siteOf(c) }));
});

pages.get("/html/*", async (c) => {
  const request = parseHtmlPath(c.req.path);
  if (!request) throw notFound("页面不存在");
  switch (request.kind) {
    case "article":
      return articlePage(c, request.sectionPath, request.id);
    case "section":
      return sectionPage(c, request.sectionPath, request.page);
    case "section-alias": {
      if (!(await getSectionByPath(c.env.DB, request.sectionPath))) throw notFound("栏目不存在");
      return redirect(c, sectionUrl(request.sectionPath));
    }
  }
});

async function articlePage(c: Ctx, sectionPath: string, id: number) {
  const read = await readPublishedArticle(c.env.DB, id, { expectedSectionPath: sectionPath, nav: true });
  if (!read) throw notFound("文章不存在或已撤稿");
  // Moved articles and mistyped section paths keep working: one canonical URL per article.
  if (read.sectionPath !== sectionPath) return redirect(c, articleUrl(read.sectionPath, id));
  return sendPage(c, renderArticlePage({ ...read, site: siteOf(c) }));
}

async function sectionPage(c: Ctx, sectionPath: string, page: number) {
  const data = await readSectionPage(c.env.DB, sectionPath, page);
  if (!data) throw notFound("栏目不存在");
  const pageCount = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  if (page > pageCount) throw notFound("没有这一页");
  return sendPage(c, renderSectionPage({ ...data, site: siteOf(c), page, pageCount }));
}
