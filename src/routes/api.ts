// The public, read-only JSON API (mounted at /api/v1): published articles and the section tree.
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { badRequest, notFound } from "../errors.ts";
import { readPublishedArticle } from "../db/article-page.ts";
import { listPublished } from "../db/listings.ts";
import { listSections } from "../db/sections.ts";
import { SECTION_PATH } from "../content/urls.ts";
import { issueDetails } from "../content/schemas.ts";
import { articleDetailJson, articleSummaryJson, neighbourJson } from "../render/article-json.ts";
import { sectionTreeJson } from "../render/section-json.ts";
import { type ListCursor, decodeListCursor, encodeListCursor } from "../content/list-cursor.ts";
import { publicCors } from "../middleware/public-cors.ts";

export const publicApi = new Hono<AppEnv>();

// Its own paths only: a "*" here would be /api/v1/* and reach the admin API too.
publicApi.use("/articles/*", publicCors());
publicApi.use("/sections/*", publicCors());

type Ctx = Context<AppEnv>;

/** Public and cacheable by anyone (publicCors makes it readable from any origin). */
function sendJson<T>(c: Ctx, body: T) {
  c.header("Cache-Control", "public, max-age=60");
  return c.json(body);
}

const ArticleId = v.pipe(
  v.string(),
  v.regex(/^[1-9][0-9]{0,15}$/, "must be a positive integer without leading zeros"),
  v.transform(Number),
  v.safeInteger("must be at most 9007199254740991"),
);

const Cursor = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const cursor = decodeListCursor(dataset.value);
    if (cursor) return cursor;
    addIssue({ message: "must be a next_cursor from an earlier response" });
    return NEVER;
  }),
);

// Unknown query parameters are ignored, as GET requests conventionally allow.
const ListQuery = v.object({
  section: v.optional(v.pipe(v.string(), v.regex(SECTION_PATH, "must be a section path such as xw/dzyw"))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,3}$/, "must be a whole number from 1 to 100"),
      v.transform(Number),
      v.minValue(1, "must be at least 1"),
      v.maxValue(100, "must be at most 100"),
    ),
    "20",
  ),
  cursor: v.optional(Cursor),
});

publicApi.get("/articles", async (c) => {
  const query = v.safeParse(ListQuery, c.req.query(), { abortEarly: false });
  if (!query.success) throw badRequest("Invalid query", issueDetails(query.issues));
  const { section, limit, cursor } = query.output;
  // One more than asked tells whether another page follows, so the last page says next_cursor: null.
  const rows = await listPublished(c.env.DB, {
    limit: limit + 1,
    after: cursor ?? null,
    ...(section !== undefined && { sectionPath: section }),
  });
  if (!rows) throw notFound(`No section "${section}"`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next: ListCursor | null =
    rows.length > limit && last?.article.publishedAt != null ? { publishedAt: last.article.publishedAt, id: last.article.id } : null;
  return sendJson(c, {
    items: page.map((r) => articleSummaryJson(r.article, r.section)),
    next_cursor: next ? encodeListCursor(next) : null,
  });
});

publicApi.get("/articles/:id", async (c) => {
  const id = v.safeParse(ArticleId, c.req.param("id"));
  if (!id.success) throw badRequest("Invalid article id", issueDetails(id.issues).map((d) => ({ ...d, path: "id" })));
  const read = await readPublishedArticle(c.env.DB, id.output, { nav: false });
  if (!read) throw notFound(`No published article ${id.output}`);
  return sendJson(
    c,
    articleDetailJson(read.article, read.chain, {
      prev: read.older ? neighbourJson(read.older) : null,
      next: read.newer ? neighbourJson(read.newer) : null,
    }),
  );
});

publicApi.get("/sections", async (c) => sendJson(c, { items: sectionTreeJson(await listSections(c.env.DB)) }));
