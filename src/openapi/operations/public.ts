// The public, read-only API as the document describes it: routes/api.ts, routes/search-api.ts (readers'
// search) and routes/openapi.ts. Cached at the edge, readable from any origin, no key.
import * as v from "valibot";
import { ArticleId, ArticleListQuery, ReaderSearchQuery } from "../../http/api-queries.ts";
import { NoQuery } from "../../http/query.ts";
import { Article, ArticlePage, SearchAnswer, SectionTree } from "../../content/responses.ts";
import type { Answer, Operation } from "../operation.ts";
import { ARTICLE_EXAMPLE, ARTICLE_PAGE_EXAMPLE, SEARCH_EXAMPLE, SECTIONS_EXAMPLE } from "../examples.ts";

const READ = "Published articles, sections and search";

/** A cached answer: its ETag, and 304 to a client that already holds it. */
const cached = (description: string, body: v.GenericSchema, example: unknown): Partial<Record<number, Answer>> => ({
  200: { description, body, headers: ["ETag"], example },
  304: { description: "The client's copy (If-None-Match) is current.", headers: ["ETag"] },
});

/** A list has one URL: its parameters in their order, defaults left out; any other spelling redirects there. */
const ONE_URL: Answer = {
  description: "The same list at its one URL: parameters in their order, defaults left out (a search's query cleaned and folded, as a form spells it).",
  headers: ["Location"],
};

export const publicOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/articles",
    id: "listArticles",
    summary: "Published articles, newest first",
    description: "A section's articles include those of its subsections. Follows the list contract: `limit` 1–100 (default 20), `cursor` the `next_cursor` of the page before.",
    tag: READ,
    access: "public",
    query: ArticleListQuery,
    headers: ["If-None-Match"],
    answers: { ...cached("A page of articles.", ArticlePage, ARTICLE_PAGE_EXAMPLE), 301: ONE_URL },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/articles/{id}",
    id: "getArticle",
    summary: "One published article, with its section chain, body and neighbours",
    tag: READ,
    access: "public",
    params: { id: { schema: ArticleId, description: "The article's id: a positive integer without leading zeros." } },
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: cached("The article. `prev` is 上一篇 (the next older one in its section), `next` 下一篇; null at the ends.", Article, ARTICLE_EXAMPLE),
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/sections",
    id: "listSections",
    summary: "The section tree, each level in sort order",
    tag: READ,
    access: "public",
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: cached("The sections.", SectionTree, SECTIONS_EXAMPLE),
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/search",
    id: "search",
    summary: "Published articles matching a query, most relevant first",
    description: "`total` counts the matches ranked (at most 1,000, the newest; `total_capped` says there were more). The query rules: docs/search.md.",
    tag: READ,
    access: "public",
    query: ReaderSearchQuery,
    headers: ["If-None-Match"],
    answers: { ...cached("The hits, with the query marked in `title_html` and `snippet_html`.", SearchAnswer, SEARCH_EXAMPLE), 301: ONE_URL },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/openapi.json",
    id: "getOpenApiDocument",
    summary: "This document",
    tag: "The API itself",
    static: true,
    access: "public",
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: cached("The OpenAPI 3.1 document of the public and the publishing API.", v.looseObject({ openapi: v.literal("3.1.0") }), undefined),
    errors: [],
  },
];
