// The statements of the one write path (src/publish/), to be run together in one db.batch.
// Revisions double as the optimistic lock: every change inserts (article_id, new version) first, so a
// writer that read a stale version hits the primary key and its whole batch rolls back.
import type { Article } from "../domain/article.ts";
import type { Db } from "../domain/db.ts";

const bindArticle = (a: Article) => [
  a.sectionId,
  a.status,
  a.title,
  a.titleBold ? 1 : 0,
  a.kicker,
  a.subtitle,
  a.summary,
  a.source,
  JSON.stringify(a.bylines),
  a.body,
  a.bodyHtml,
  a.bodyText,
  a.coverImage,
  a.publishAt,
  a.publishedAt,
  a.updatedAt,
  a.version,
  a.deletedAt,
  a.review?.action ?? null,
  a.review?.note ?? "",
  a.review?.actor.id ?? null,
  a.review?.actor.name ?? "",
  a.review?.at ?? null,
];

export const insertArticleStatement = (db: Db, a: Article) =>
  db
    .prepare(
      `INSERT INTO articles (section_id, status, title, title_bold, kicker, subtitle, summary, source, bylines, body, body_html,
         body_text, cover_image, publish_at, published_at, updated_at, version, deleted_at, review_action, review_note,
         review_by, review_by_name, review_at, id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(...bindArticle(a), a.id, a.createdAt, a.createdBy);

/** Writes the new state over the version it was computed from (a no-op if that version is gone). */
export const updateArticleStatement = (db: Db, a: Article, fromVersion: number) =>
  db
    .prepare(
      `UPDATE articles SET section_id = ?, status = ?, title = ?, title_bold = ?, kicker = ?, subtitle = ?, summary = ?, source = ?,
         bylines = ?, body = ?, body_html = ?, body_text = ?, cover_image = ?, publish_at = ?, published_at = ?,
         updated_at = ?, version = ?, deleted_at = ?, review_action = ?, review_note = ?, review_by = ?,
         review_by_name = ?, review_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(...bindArticle(a), a.id, fromVersion);

/**
 * Lists a published article in each of the given sections: later entries move up one position and
 * the article takes the place after the next older one. Cost: the entries newer than it (none for
 * an article published now), never the whole section.
 */
export function listingAddStatements(db: Db, sectionIds: number[], publishedAt: number, articleId: number) {
  return sectionIds.flatMap((sectionId) => [
    db
      .prepare(
        `UPDATE section_listing SET position = position + 1
          WHERE section_id = ?1 AND (published_at, article_id) > (?2, ?3)`,
      )
      .bind(sectionId, publishedAt, articleId),
    db
      .prepare(
        `INSERT INTO section_listing (section_id, published_at, article_id, position)
         VALUES (?1, ?2, ?3, 1 + COALESCE((
           SELECT position FROM section_listing
            WHERE section_id = ?1 AND (published_at, article_id) < (?2, ?3)
            ORDER BY published_at DESC, article_id DESC LIMIT 1), 0))`,
      )
      .bind(sectionId, publishedAt, articleId),
  ]);
}

/** Takes an article out of the given sections' listings, closing the gap it leaves. */
export function listingRemoveStatements(db: Db, sectionIds: number[], publishedAt: number, articleId: number) {
  return sectionIds.flatMap((sectionId) => [
    db
      .prepare(`DELETE FROM section_listing WHERE section_id = ?1 AND published_at = ?2 AND article_id = ?3`)
      .bind(sectionId, publishedAt, articleId),
    db
      .prepare(
        `UPDATE section_listing SET position = position - 1
          WHERE section_id = ?1 AND (published_at, article_id) > (?2, ?3)`,
      )
      .bind(sectionId, publishedAt, articleId),
  ]);
}

/** Marks sections as changed, so their pages and feeds know their Last-Modified. */
export const touchSectionsStatement = (db: Db, sectionIds: number[], at: number) =>
  db
    .prepare(`UPDATE sections SET changed_at = ? WHERE id IN (${sectionIds.map(() => "?").join(", ")})`)
    .bind(at, ...sectionIds);

/**
 * Ids are unsigned 32-bit, as DedeCMS and PHPCMS store them. Automatic ids continue above the highest id in
 * use below 2^31 and may run to 2^32 − 1, so whatever legacy id is imported, at least 2^31 automatic ids are
 * left: an import below 2^31 moves the counter past it, one above (4294967295, a typo) is skipped.
 */
const COUNTED_BELOW = 2_147_483_648;
const LARGEST_ID = 4_294_967_295;

/**
 * Reserves `count` consecutive article ids and answers the first as `id`. Atomic, so concurrent creates
 * never get the same id; above the highest id in use below 2^31, so ids imported by hand are not handed
 * out again (one imported above that is met only after two billion creates, and then skipped: the insert
 * conflicts and the create reserves another). `fits` is 0 once the 32-bit range is used up.
 */
export const nextArticleIdStatement = (db: Db, count = 1) =>
  db
    .prepare(
      `INSERT INTO counters (name, next)
         VALUES ('article_id', (SELECT COALESCE(MAX(id), 0) + 1 FROM articles WHERE id < ?2) + ?1)
       ON CONFLICT (name) DO UPDATE SET next = MAX(next, (SELECT COALESCE(MAX(id), 0) + 1 FROM articles WHERE id < ?2)) + ?1
       RETURNING next - ?1 AS id, next - 1 <= ?3 AS fits`,
    )
    .bind(count, COUNTED_BELOW, LARGEST_ID);

/** True when a batch failed because another writer took the version first. */
export const isVersionConflict = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed: revisions\./.test(err.message);

/** True when a batch failed because the article id is taken. */
export const isIdConflict = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed: articles\.id/.test(err.message);
