// An imported site's old ids and paths (migration 0009): written by the importer inside its own batches,
// read by the legacy routes one primary-key lookup at a time.
import type { LegacyOrigin, LegacySystem, LegacyTarget } from "../domain/legacy.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { legacyTopicPathStatement, legacyTopicStatement, topicTargetOf } from "./legacy-topics.ts";

/** Records which section an old section id became (a re-import points it at the same one again). */
export const legacySectionStatement = (db: Db, system: LegacySystem, legacyId: number, sectionId: number) =>
  db
    .prepare(
      `INSERT INTO legacy_sections (system, legacy_id, section_id) VALUES (?, ?, ?)
       ON CONFLICT (system, legacy_id) DO UPDATE SET section_id = excluded.section_id`,
    )
    .bind(system, legacyId, sectionId);

/** An old static path and what it leads to: one article or one section. */
export type LegacyPath = { path: string } & ({ articleId: number } | { sectionId: number });

/** Points old static paths at articles or sections, all in one statement (the rows travel as JSON). */
export function legacyPathsStatement(db: Db, paths: readonly LegacyPath[]) {
  const rows = paths.map((p) => ("articleId" in p ? [p.path, p.articleId, null] : [p.path, null, p.sectionId]));
  return db
    .prepare(
      // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
      `INSERT INTO legacy_paths (path, article_id, section_id)
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
       ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, section_id = excluded.section_id`,
    )
    .bind(JSON.stringify(rows));
}

/** What imported articles were made from, and the version the import left each at: one statement for many. */
export function legacyArticlesStatement(db: Db, articles: readonly { articleId: number; origin: LegacyOrigin; version: number }[], at: number) {
  const rows = articles.map((a) => [a.articleId, a.origin.system, a.origin.fingerprint, a.version]);
  return db
    .prepare(
      `INSERT INTO legacy_articles (article_id, system, fingerprint, version, imported_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ? FROM json_each(?) WHERE true
       ON CONFLICT (article_id) DO UPDATE SET system = excluded.system, fingerprint = excluded.fingerprint,
         version = excluded.version, imported_at = excluded.imported_at`,
    )
    .bind(at, JSON.stringify(rows));
}

/** An article id already in use, and, when it was imported, from what and at which version. */
export type ExistingArticle = {
  id: number;
  version: number;
  imported: { system: LegacySystem; fingerprint: string; version: number } | null;
};

type ExistingRow = { id: number; version: number; system: LegacySystem | null; fingerprint: string | null; imported_version: number | null };

/** The articles among `ids` that exist, by id: one query whatever the count. */
export async function existingArticles(db: Db, ids: readonly number[]): Promise<Map<number, ExistingArticle>> {
  if (ids.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT a.id, a.version, l.system, l.fingerprint, l.version AS imported_version
         FROM articles a LEFT JOIN legacy_articles l ON l.article_id = a.id
        WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify([...ids]))
    .all<ExistingRow>();
  return new Map(
    results.map((r) => [
      r.id,
      {
        id: r.id,
        version: r.version,
        imported:
          r.system !== null && r.fingerprint !== null && r.imported_version !== null
            ? { system: r.system, fingerprint: r.fingerprint, version: r.imported_version }
            : null,
      },
    ]),
  );
}

// Readers: each statement starts from the old URL's own id or path, by primary key.

/**
 * A published article's section, by the article's (old and new) id: null when it is not published. A
 * DedeCMS 专题 was an archive too, with an id from the articles' own sequence: an id that is no article here
 * may be one that became a topic, looked up in the same round trip.
 */
export async function publishedArticleTarget(db: Db, id: number): Promise<LegacyTarget | null> {
  const [article, topic] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT s.path, (a.status = 'published' AND a.deleted_at IS NULL) AS listed
           FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = ?`,
      )
      .bind(id),
    legacyTopicStatement(db, "dedecms", id),
  ]);
  const row = rowsOf<{ path: string; listed: number }>(article)[0];
  if (row) return row.listed === 1 ? { kind: "article", id, sectionPath: row.path } : null;
  return topicTargetOf(rowsOf<{ slug: string }>(topic)[0]);
}

/** The section an old section id became. */
export async function legacySectionTarget(db: Db, system: LegacySystem, legacyId: number): Promise<LegacyTarget | null> {
  const row = await db
    .prepare(`SELECT s.path FROM legacy_sections l JOIN sections s ON s.id = l.section_id WHERE l.system = ? AND l.legacy_id = ?`)
    .bind(system, legacyId)
    .first<{ path: string }>();
  return row ? { kind: "section", sectionPath: row.path } : null;
}

type PathRow = { article_id: number | null; article_section: string | null; section_path: string | null };

const pathStatement = (db: Db, path: string) =>
  db
    .prepare(
      `SELECT p.article_id, sa.path AS article_section, ss.path AS section_path
         FROM legacy_paths p
         LEFT JOIN articles a ON a.id = p.article_id AND a.status = 'published' AND a.deleted_at IS NULL
         LEFT JOIN sections sa ON sa.id = a.section_id
         LEFT JOIN sections ss ON ss.id = p.section_id
        WHERE p.path = ?`,
    )
    .bind(path);

const toTarget = (row: PathRow | undefined): LegacyTarget | null => {
  if (!row) return null;
  if (row.article_id !== null) return { kind: "article", id: row.article_id, sectionPath: row.article_section };
  return row.section_path !== null ? { kind: "section", sectionPath: row.section_path } : null;
};

/** A path's target; `byFirstPage` when only the path without its page number was known. */
type PathTarget = LegacyTarget & { byFirstPage?: true };

/**
 * Where an old static path leads; `unpaged` (the path without its page number) is tried when the path
 * itself is unknown, and the old 专题 paths. All in one round trip. An article that is not published has no section path.
 */
export async function legacyPathTarget(db: Db, path: string, unpaged: string | null): Promise<PathTarget | null> {
  const [topic, exact, first] = await db.batch<unknown>([legacyTopicPathStatement(db, path), pathStatement(db, path), ...(unpaged ? [pathStatement(db, unpaged)] : [])]);
  const byPath = toTarget(rowsOf<PathRow>(exact)[0]) ?? topicTargetOf(rowsOf<{ slug: string }>(topic)[0]);
  if (byPath) return byPath;
  const byFirstPage = toTarget(rowsOf<PathRow>(first)[0]);
  return byFirstPage && { ...byFirstPage, byFirstPage: true };
}
