// Writes to the search index (migrations/0008): the statements that keep an article's row in step with
// the article, for the one write path's own batch, and the backlog of rows still to be written.
import { type Article, articleState, isListed } from "../domain/article.ts";
import type { Section } from "../domain/section.ts";
import { indexText } from "../search/tokens.ts";
import type { Db } from "../domain/db.ts";

/** 1990-01-01T00:00:00Z: no article is older (the API refuses earlier dates). */
const EPOCH_SECONDS = 631_152_000;
/** 31 bits of seconds, to 2058: the time and a 32-bit id share the 63 bits of a positive rowid. */
const LAST_SECOND = 2 ** 31 - 1;

/**
 * The time an article's rowid sorts by: when it went out (or is to go out, or went out before it was
 * withdrawn: publish_at keeps that time), else when it was created. Seconds, clamped to the rowid's range.
 */
export function docTime(a: Pick<Article, "publishedAt" | "publishAt" | "createdAt">): number {
  const seconds = Math.floor((a.publishedAt ?? a.publishAt ?? a.createdAt) / 1000) - EPOCH_SECONDS;
  return Math.min(Math.max(seconds, 0), LAST_SECOND);
}

/** The facet token of a section: an article carries its section's and every ancestor's. */
export const sectionFacet = (sectionId: number) => `s${sectionId}`;

/** The index columns of an article: its text as tokens, and its facets. */
export function indexColumns(a: Article, chain: readonly Section[]) {
  return [
    indexText(a.title),
    indexText(a.kicker, a.subtitle, a.summary),
    indexText(a.source, ...a.bylines.map((b) => b.name)),
    indexText(a.bodyText),
    // The state as a facet token, for editors' filters (readers' searches use the rowid's sign).
    [articleState(a), ...chain.map((s) => sectionFacet(s.id))].join(" "),
  ];
}

/**
 * The rowid of an article's row: (time << 32) | id, time-ordered whatever the ids. Articles readers see have
 * it as it is (≥ 0); every other article has it shifted by −2^63 (< 0, in the same order), so a readers'
 * search is the rowid range ≥ 0 — cheaper than a `published` token, whose document count bm25 would read
 * on every search, over the whole archive. Computed in SQL: rowids pass 2^53, which no JavaScript number holds.
 */
const rowidOf = (a: Article) => (isListed(a) ? "((?1 << 32) | ?2)" : "(((?1 << 32) | ?2) - 9223372036854775807 - 1)");

/** Whether two states of an article have the same rowid. */
const sameRowid = (a: Article, b: Article) => docTime(a) === docTime(b) && isListed(a) === isListed(b);

const deleteRow = (db: Db, a: Article) =>
  db.prepare(`DELETE FROM search_index WHERE rowid = ${rowidOf(a)}`).bind(docTime(a), a.id);

/**
 * The statements that make the index hold `after` (for a create, `before` is null): its old row out, its
 * row in. A change deletes the row's new rowid too, should it differ — the index does not refuse a second
 * row with a rowid it holds, so an insert is never left to meet one. A create needs neither: its id is
 * new, or its batch fails on the article row.
 */
export function indexArticleStatements(db: Db, before: Article | null, after: Article, chain: readonly Section[]): D1PreparedStatement[] {
  return [
    ...(before && !sameRowid(before, after) ? [deleteRow(db, before)] : []),
    ...(before ? [deleteRow(db, after)] : []),
    db
      .prepare(`INSERT INTO search_index (rowid, title, lead, credits, body, facets) VALUES (${rowidOf(after)}, ?3, ?4, ?5, ?6, ?7)`)
      .bind(docTime(after), after.id, ...indexColumns(after, chain)),
  ];
}

/**
 * For the backlog: the same as a change would write for `a` as it was read at `a.version`, but only if it is
 * still at that version (otherwise the change that moved it on has indexed it already), and off the backlog.
 */
export function reindexStatements(db: Db, a: Article, chain: readonly Section[]): D1PreparedStatement[] {
  const unchanged = `EXISTS (SELECT 1 FROM articles WHERE id = ?2 AND version = ?3)`;
  return [
    db.prepare(`DELETE FROM search_index WHERE rowid = ${rowidOf(a)} AND ${unchanged}`).bind(docTime(a), a.id, a.version),
    db
      .prepare(
        `INSERT INTO search_index (rowid, title, lead, credits, body, facets)
         SELECT ${rowidOf(a)}, ?4, ?5, ?6, ?7, ?8 WHERE ${unchanged}`,
      )
      .bind(docTime(a), a.id, a.version, ...indexColumns(a, chain)),
    db.prepare(`DELETE FROM search_backlog WHERE article_id = ?`).bind(a.id),
  ];
}

/** The articles waiting in the backlog, lowest id first, whole. */
export const backlogArticlesStatement = (db: Db, columns: string, limit: number) =>
  db.prepare(`SELECT ${columns} FROM articles WHERE id IN (SELECT article_id FROM search_backlog ORDER BY article_id LIMIT ?)`).bind(limit);
