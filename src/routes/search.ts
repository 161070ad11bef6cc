// The reader's search page, GET /search?q=&page=N. Mounted apart from the pages router, which refuses query
// strings. Every query has one URL: the cleaned and folded spelling (spaces collapsed, invisible characters
// gone, letters as the index folds them: QINGLAN is qinglan) as a browser's form writes it, page 1 without
// `page`, nothing else — any other spelling is a 301 to it, so the edge cache holds one copy per query, not
// one per way of typing it. Results are cached briefly and purged by every change to any article
// (src/cache/tags.ts); a search that finds nothing is not kept at all.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { NO_STORE } from "../cache/freshness.ts";
import { type ParsedQuery, QUERY_LIMITS, parseSearchQuery } from "../search/query.ts";
import { searchUrl } from "../content/urls.ts";
import { spelledAs } from "../http/query.ts";
import { readSearchPage } from "../db/search.ts";
import { sectionsFrom, topSectionsStatement } from "../db/listings.ts";
import { HITS_PER_PAGE, renderSearchPage } from "../render/search-page.ts";
import { siteOf } from "./site.ts";
import { SEARCH_WINDOW } from "../domain/search.ts";
import { showsOnly } from "../domain/shows.ts";

export const searchPage = new Hono<AppEnv>();

/** The deepest page a query can have: the window, 20 a page. */
const LAST_PAGE = Math.ceil(SEARCH_WINDOW / HITS_PER_PAGE);


const NOTES: Record<Exclude<ParsedQuery, { ok: true }>["problem"], string> = {
  empty: "请输入要查找的词语，例如：光伏、岚江、2026年。",
  too_long: `搜索词太长了：最多${QUERY_LIMITS.chars}个字。`,
  too_many_terms: `词语太多了：最多${QUERY_LIMITS.terms}个，用空格分开。`,
};

searchPage.get("/", async (c) => {
  c.set("shows", showsOnly({ search: true }));
  // The URL standard's decoding, as the form encoded it: an invalid %-escape is U+FFFD, never an error.
  const url = new URL(c.req.url);
  const parsed = parseSearchQuery(url.searchParams.get("q") ?? "");
  const text = parsed.ok ? parsed.query.text : parsed.text;
  const asked = url.searchParams.get("page") ?? "1";
  const page = /^[1-9][0-9]{0,5}$/.test(asked) ? Number(asked) : 1;
  const canonical = searchUrl(text, page);
  if (!spelledAs(url.pathname + url.search, canonical)) return c.redirect(canonical, 301);

  if (!parsed.ok) {
    const nav = sectionsFrom(await topSectionsStatement(c.var.db).all());
    const view = renderSearchPage({ site: siteOf(c), nav, text, kind: "note", note: NOTES[parsed.problem] });
    // Nothing typed (or nothing searchable) is the empty search page; a query over the bounds is refused.
    return c.html(view.html, parsed.problem === "empty" ? 200 : 400);
  }
  if (page > LAST_PAGE) throw notFound("没有这一页");
  const { nav, results } = await readSearchPage(c.var.db, parsed.query.phrases, { limit: HITS_PER_PAGE, offset: (page - 1) * HITS_PER_PAGE });
  if (page > 1 && results.hits.length === 0) throw notFound("没有这一页");
  // Nothing found: cheap to answer again, and what a flood of invented queries finds, so never kept.
  if (results.total === 0) c.header("Cache-Control", NO_STORE);
  return c.html(renderSearchPage({ site: siteOf(c), nav, text, kind: "results", query: parsed.query, results, page }).html);
});
