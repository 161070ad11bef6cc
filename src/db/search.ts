// Search reads: one statement ranks a query's newest matches and joins the page of them it shows. The
// window (SEARCH_WINDOW) is read from the top of the rowid order, which is time order (search-index.ts),
// so a word in every article is ranked among as many articles as a word in 1,000; bm25 weighs title above
// lead above credits above body (where it is bounded: READERS_SCORED), and a tie goes to the newer article.
import { type ArticleStatus, articleState } from "../domain/article.ts";
import type { Phrase } from "../search/query.ts";
import { SEARCH_WINDOW, type SearchHit, type SearchResults, type SearchScope } from "../domain/search.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import type { Section } from "../domain/section.ts";
import { sectionsFrom, topSectionsStatement } from "./listings.ts";
import { matchParts, rankingParts } from "./search-match.ts";

/** How much of a body a hit brings for its snippet: a match further in is not shown (the hit still is). */
export const SEARCH_TEXT_CHARS = 20_000;

/** bm25 weights of the columns, in their order: title, lead, credits, body, facets (filters only). */
const WEIGHTS = "10.0, 4.0, 2.0, 1.0, 0.0";

type HitRow = {
  total: number;
  listed: number;
  id: number;
  status: ArticleStatus;
  deleted_at: number | null;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  body_text: string;
  section_path: string;
  section_name: string;
  published_at: number | null;
  updated_at: number;
};

const toHit = (r: HitRow): SearchHit => ({
  id: r.id,
  status: articleState({ status: r.status, deletedAt: r.deleted_at }),
  title: r.title,
  kicker: r.kicker,
  subtitle: r.subtitle,
  summary: r.summary,
  bodyText: r.body_text,
  sectionPath: r.section_path,
  sectionName: r.section_name,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
});

// ?1 head and ?3 tail of the MATCH expression, ?2 the section path (NULL for none: an unknown one is s0,
// which no article carries), ?4 the window. The rowid's low 32 bits are the article id; its sign says whether
// readers see the article (src/db/search-index.ts), so `listed` picks one range of the index or the other.
const BM25 = `bm25(search_index, ${WEIGHTS})`;
const NEWEST = (listed: boolean, score = BM25) => `
  SELECT rowid AS docid, ${score} AS score
    FROM search_index
   WHERE search_index MATCH ?1 || CASE WHEN ?2 IS NULL THEN ''
           ELSE ' AND facets : "s' || COALESCE((SELECT id FROM sections WHERE path = ?2), 0) || '"' END || ?3
     AND rowid ${listed ? ">= 0" : "< 0"}
   ORDER BY rowid DESC LIMIT ?4`;

/**
 * Readers' window, scored. bm25 counts the articles of each of the query's phrases over the whole index,
 * which for a phrase most articles have (工作, 发展) is a walk of the whole archive on every search. So when
 * any phrase is that common — a window's worth of articles found for it, a bounded count — the window is
 * scored without bm25, by where the query matched: all of it in the title (10), in the lead (4), or
 * elsewhere (1), each a lookup bounded by the window's own time span; recency breaks the ties. Otherwise
 * every phrase is rarer than a window, and bm25's counts are bounded too. ?7 and ?8 are the title and
 * lead expressions, ?9… each phrase alone.
 */
const READERS_SCORED = (phrases: number) => {
  const common = Array.from({ length: phrases }, (_, k) =>
    `(SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ?${9 + k} LIMIT ?4)) >= ?4`).join(" OR ");
  const inWindow = (param: number) =>
    `(docid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?${param} AND rowid >= (SELECT lo FROM span)))`;
  return `newest AS MATERIALIZED (
    ${NEWEST(true, `CASE WHEN ${common} THEN NULL ELSE ${BM25} END`)}
  ), span AS MATERIALIZED (SELECT min(docid) AS lo FROM newest), scored AS (
    SELECT docid, COALESCE(score, -1.0 - 10.0 * ${inWindow(7)} - 4.0 * ${inWindow(8)}) AS score FROM newest
  )`;
};

/**
 * The scored window of a scope. Editors rank with bm25 always (a newsroom's traffic, never cached): `published`
 * the newest of the listed range, other states the newest of the other range, no state both windows, so a
 * draft is never crowded out of its editor's search by a thousand published articles.
 */
function scoredOf(scope: SearchScope, phrases: number): string {
  if (scope.who === "readers") return READERS_SCORED(phrases);
  if (scope.state === "published") return `scored AS (${NEWEST(true)})`;
  if (scope.state !== undefined) return `scored AS (${NEWEST(false)})`;
  return `scored AS (SELECT * FROM (${NEWEST(true)}) UNION ALL SELECT * FROM (${NEWEST(false)}))`;
}

// The page (?5 hits from ?6 on) of the window ranked, each row with the window's size and how many of it are
// in the listed range (editors without a state rank both ranges' windows: either may be full). One pass over the
// index: a count of its own would read every match's doclist entries again (measured: slower, though the
// window function costs D1 one more read of each of the window's rows — at most 4 × SEARCH_WINDOW a search).
// Ties go to the newer article: the rowid without its sign bit is (time << 32) | id in either range.
const NEWNESS = "docid & 9223372036854775807";

const PAGE_SQL = (scope: SearchScope, phrases: number) => `
  WITH ${scoredOf(scope, phrases)}, ranked AS (
    SELECT docid, score, ${NEWNESS} AS newness, count(*) OVER () AS total, sum(docid >= 0) OVER () AS listed FROM scored
     ORDER BY score, newness DESC LIMIT ?5 OFFSET ?6
  )
  SELECT r.total, r.listed, a.id, a.status, a.deleted_at, a.title, a.kicker, a.subtitle, a.summary,
         substr(a.body_text, 1, ${SEARCH_TEXT_CHARS}) AS body_text, s.path AS section_path, s.name AS section_name,
         a.published_at, a.updated_at
    FROM ranked r JOIN articles a ON a.id = r.docid & 4294967295 JOIN sections s ON s.id = a.section_id
   ${scope.who === "readers" ? "WHERE a.status = 'published' AND a.deleted_at IS NULL" : ""}
   ORDER BY r.score, r.newness DESC`;

export type SearchPage = { limit: number; offset: number };

/** The statement of one page of a search, for use alone or in a batch with what the page also shows. */
export function searchStatement(db: Db, phrases: readonly Phrase[], scope: SearchScope, page: SearchPage): D1PreparedStatement {
  const { head, tail } = matchParts(phrases, scope);
  const params = [head, scope.sectionPath ?? null, tail, SEARCH_WINDOW, page.limit, page.offset];
  if (scope.who === "editors") return db.prepare(PAGE_SQL(scope, phrases.length)).bind(...params);
  const ranking = rankingParts(phrases);
  return db.prepare(PAGE_SQL(scope, phrases.length)).bind(...params, ranking.title, ranking.lead, ...ranking.each);
}

/**
 * The results of a searchStatement (a page past the end has no rows, so no total either: 0). Capped when a
 * window was full: a total over one window made of two windows that are not is every match there is.
 */
export function searchResultsFrom(result: D1Result<unknown> | undefined): SearchResults {
  const rows = rowsOf<HitRow>(result);
  const total = rows[0]?.total ?? 0;
  const listed = rows[0]?.listed ?? 0;
  return { total, capped: Math.max(listed, total - listed) >= SEARCH_WINDOW, hits: rows.map(toHit) };
}

/** A page of a search, in one round trip; null when its section does not exist. */
export async function search(db: Db, phrases: readonly Phrase[], scope: SearchScope, page: SearchPage): Promise<SearchResults | null> {
  const statement = searchStatement(db, phrases, scope, page);
  if (scope.sectionPath === undefined) return searchResultsFrom(await statement.all());
  const [section, hits] = await db.batch<unknown>([db.prepare(`SELECT id FROM sections WHERE path = ?`).bind(scope.sectionPath), statement]);
  return rowsOf(section).length ? searchResultsFrom(hits) : null;
}

/** A reader's results page, in one round trip: the navigation every page shows, and the results. */
export async function readSearchPage(db: Db, phrases: readonly Phrase[], page: SearchPage): Promise<{ nav: Section[]; results: SearchResults }> {
  const [nav, hits] = await db.batch<unknown>([topSectionsStatement(db), searchStatement(db, phrases, { who: "readers" }, page)]);
  return { nav: sectionsFrom(nav), results: searchResultsFrom(hits) };
}
