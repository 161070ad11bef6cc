// What 文章 (/desk) shows for a query string: its filters checked (a hand-edited URL gets a 400 naming the
// problem), then the list read newest change first a page at a time, or the admin search when there is a q.
import * as v from "valibot";
import { badRequest } from "../domain/errors.ts";
import { EDITORS_RANKED } from "../domain/search.ts";
import type { Section } from "../domain/section.ts";
import type { Db } from "../domain/db.ts";
import { StateFilter } from "../content/schemas.ts";
import { issueDetails } from "../content/text-rules.ts";
import { SECTION_PATH } from "../content/urls.ts";
import { Cursor, KeyNumber, encodeCursor, pageOf } from "../http/list-query.ts";
import { parseSearchQuery } from "../search/query.ts";
import { type DeskArticle, type Viewer, deskArticlesByIds, listDeskArticles } from "../db/desk-articles.ts";
import { search } from "../db/search.ts";
import { listSections } from "../db/sections.ts";
import { type ArticleFilters, articlesUrl } from "./pages/articles.ts";

/** Rows per page: a screenful at 1280 px, a few thumbs' worth of scrolling at 390. */
const DESK_PAGE_SIZE = 30;

// A GET form sends every field, empty ones too: an empty value is no filter.
const blankOr = <T>(schema: v.GenericSchema<string, T>) => v.optional(v.union([v.literal(""), schema]));
const Id = v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be an id"), v.transform(Number));

export const ArticlesQuerySchema = v.objectWithRest(
  {
    q: blankOr(v.pipe(v.string(), v.maxLength(100, "must be at most 100 characters"))),
    status: blankOr(StateFilter),
    section: blankOr(v.pipe(v.string(), v.regex(SECTION_PATH, "must be a section path"))),
    author: blankOr(Id),
    cursor: v.optional(v.string()),
  },
  v.never("is not a filter of this list"),
);

const ListCursor = Cursor(v.strictTuple([KeyNumber, KeyNumber]));
const SearchCursor = Cursor(v.strictTuple([v.pipe(KeyNumber, v.maxValue(EDITORS_RANKED))]));

const given = <T>(value: T | "" | undefined): T | undefined => (value === "" ? undefined : value);

export type ArticlesQuery = { filters: ArticleFilters; cursor: string | undefined };

/** The filters of a query (`parseQuery`'s output for ArticlesQuery): blanks dropped, q trimmed. */
export function filtersOf(raw: v.InferOutput<typeof ArticlesQuerySchema>): ArticlesQuery {
  const q = given(raw.q)?.trim();
  const status = given(raw.status);
  const section = given(raw.section);
  const author = given(raw.author);
  return {
    filters: { ...(q && { q }), ...(status && { status }), ...(section && { section }), ...(author !== undefined && { author }) },
    cursor: raw.cursor === "" ? undefined : raw.cursor,
  };
}

/** Sections in tree order (parents before their children, siblings by sort order), with their depth. */
export function sectionTree(sections: readonly Section[]): { path: string; name: string; depth: number }[] {
  const children = new Map<number | null, Section[]>();
  const ordered = [...sections].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  for (const s of ordered) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const out: { path: string; name: string; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      out.push({ path: s.path, name: s.name, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function cursorOf<T>(schema: v.GenericSchema<string, T>, cursor: string | undefined): T | undefined {
  if (cursor === undefined) return undefined;
  const parsed = v.safeParse(schema, cursor);
  if (!parsed.success) throw badRequest("Invalid query", issueDetails(parsed.issues).map((d) => ({ ...d, path: "cursor" })));
  return parsed.output;
}

export type ArticlesRead = {
  rows: DeskArticle[];
  found?: { total: number; capped: boolean };
  next: string | null;
  sections: { path: string; name: string; depth: number }[];
};

/** The page of articles the filters ask for, and the sections for the filter form. */
export async function readArticles(db: Db, { filters, cursor }: ArticlesQuery, viewer: Viewer): Promise<ArticlesRead> {
  const sections = await listSections(db);
  const tree = sectionTree(sections);
  const sectionId = filters.section === undefined ? undefined : sections.find((s) => s.path === filters.section)?.id;
  if (filters.section !== undefined && sectionId === undefined) {
    return { rows: [], next: null, sections: tree };
  }
  if (filters.q !== undefined) {
    const query = parseSearchQuery(filters.q);
    if (!query.ok) return { rows: [], found: { total: 0, capped: false }, next: null, sections: tree };
    const offset = cursorOf(SearchCursor, cursor)?.[0] ?? 0;
    const scope = { who: "editors" as const, ...(filters.status && { state: filters.status }), ...(filters.section && { sectionPath: filters.section }) };
    const results = await search(db, query.query.phrases, scope, { limit: DESK_PAGE_SIZE, offset });
    const hits = results?.hits ?? [];
    const rows = await deskArticlesByIds(db, hits.map((h) => h.id), viewer);
    const total = results?.total ?? 0;
    const nextOffset = offset + DESK_PAGE_SIZE;
    const next = nextOffset < total ? articlesUrl(filters, encodeCursor([nextOffset])) : null;
    return { rows, found: { total, capped: results?.capped ?? false }, next, sections: tree };
  }
  const after = cursorOf(ListCursor, cursor);
  const read = await listDeskArticles(db, {
    limit: DESK_PAGE_SIZE + 1,
    ...(filters.status && { status: filters.status }),
    ...(sectionId !== undefined && { sectionId }),
    ...(filters.author !== undefined && { author: filters.author }),
    ...(after && { after }),
  }, viewer);
  const page = pageOf(read, DESK_PAGE_SIZE, (r) => [r.updatedAt, r.id]);
  return { rows: page.items, next: page.next_cursor === null ? null : articlesUrl(filters, page.next_cursor), sections: tree };
}
