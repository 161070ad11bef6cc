// Search as JSON: readers' GET /api/v1/search (published articles, cached briefly and purged by every
// change) and editors' GET /api/v1/admin/search (every state, behind the admin key check). Both follow the
// list contract (items, next_cursor, limit); the cursor is the offset of the next page in the ranking.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { badRequest, notFound } from "../domain/errors.ts";
import type { SearchResults, SearchScope } from "../domain/search.ts";
import { DEFAULT_LIMIT, encodeCursor } from "../http/list-query.ts";
import { EditorSearchQuery, ReaderSearchQuery } from "../http/api-queries.ts";
import { NO_STORE } from "../cache/freshness.ts";
import { type Phrase, QUERY_LIMITS, type SearchQuery, parseSearchQuery } from "../search/query.ts";
import { search } from "../db/search.ts";
import { adminHitJson, hitJson } from "../render/search-json.ts";
import { formSearch, parseQuery, spelledAs } from "../http/query.ts";

export const publicSearch = new Hono<AppEnv>();
export const adminSearch = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const PROBLEMS = {
  empty: "must contain something to search for: letters, digits or Chinese characters",
  too_long: `must be at most ${QUERY_LIMITS.chars} characters`,
  too_many_terms: `must have at most ${QUERY_LIMITS.terms} terms`,
} as const;

/** The query, or 400 saying what is wrong with q. */
function queryOf(q: string): SearchQuery {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw badRequest("Invalid query", [{ path: "q", message: PROBLEMS[parsed.problem] }]);
  return parsed.query;
}

async function answer<T>(
  c: Ctx,
  scope: SearchScope,
  params: { query: SearchQuery; limit: number; cursor?: readonly [number] | undefined },
  itemOf: (hit: SearchResults["hits"][number], phrases: readonly Phrase[]) => T,
) {
  const { query } = params;
  const offset = params.cursor?.[0] ?? 0;
  const results = await search(c.var.db, query.phrases, scope, { limit: params.limit, offset });
  if (!results) throw notFound(`No section "${scope.sectionPath}"`);
  // Nothing found: cheap to answer again (the index has no such token), and what a flood of invented queries
  // finds, so it is never kept.
  if (results.total === 0) c.header("Cache-Control", NO_STORE);
  const next = offset + params.limit;
  return c.json({
    query: query.text,
    total: results.total,
    total_capped: results.capped,
    items: results.hits.map((hit) => itemOf(hit, query.phrases)),
    next_cursor: next < results.total ? encodeCursor([next]) : null,
  });
}

publicSearch.get("/", (c) => {
  // Tagged before anything can fail, so a cached 404 for an unknown section is purged like the rest.
  c.set("shows", { articles: [], listings: [], search: true });
  const { q, section, limit, cursor } = parseQuery(c, ReaderSearchQuery);
  const query = queryOf(q);
  // One URL per search, spelt as the search page's (as a form writes it): the folded query, then the section,
  // limit and cursor, in that order, each only when not its default; any other spelling (QINGLAN for qinglan,
  // %20 for +) is a 301 to it, so the edge keeps one copy per search, not one per way of writing it.
  const url = new URL(c.req.url);
  const canonical = formSearch([["q", query.text], ["section", section], ["limit", limit, DEFAULT_LIMIT], ["cursor", url.searchParams.get("cursor") ?? undefined]]);
  if (!spelledAs(url.search, canonical)) return c.redirect(`${url.pathname}${canonical}`, 301);
  // Only a page this server could have linked to is kept: a next_cursor at the default page size is a multiple of it.
  if (cursor !== undefined && (limit !== DEFAULT_LIMIT || cursor[0] % limit !== 0)) c.header("Cache-Control", NO_STORE);
  return answer(c, { who: "readers", ...(section !== undefined && { sectionPath: section }) }, { query, limit, cursor }, hitJson);
});

adminSearch.get("/", (c) => {
  const { q, section, status, limit, cursor } = parseQuery(c, EditorSearchQuery);
  c.header("Cache-Control", "no-store");
  const scope: SearchScope = { who: "editors", ...(status !== undefined && { state: status }), ...(section !== undefined && { sectionPath: section }) };
  return answer(c, scope, { query: queryOf(q), limit, cursor }, adminHitJson);
});
