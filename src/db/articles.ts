// Articles: the row type, its mapper, and reads by id. Writes go through src/publish/ only.
import type { Article, ArticleStatus, Byline, Review } from "../domain/article.ts";
import type { Section } from "../domain/section.ts";
import type { Db } from "../domain/db.ts";
import type { Editing } from "../domain/presence.ts";
import { editingBinds, editingColumn, parseEditing } from "./presence.ts";
import { type ArticleListFilter, articleListClauses } from "./article-list.ts";

export type ArticleRow = {
  id: number;
  section_id: number;
  status: ArticleStatus;
  title: string;
  title_bold: number;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: string;
  body: string;
  body_html: string;
  body_text: string;
  cover_image: string | null;
  publish_at: number | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
  created_by: number | null;
  deleted_at: number | null;
  review_action: Review["action"] | null;
  review_note: string;
  review_by: number | null;
  review_by_name: string;
  review_at: number | null;
};

export const ARTICLE_COLUMNS =
  "id, section_id, status, title, title_bold, kicker, subtitle, summary, source, bylines, body, body_html, body_text, " +
  "cover_image, publish_at, published_at, created_at, updated_at, version, created_by, deleted_at, " +
  "review_action, review_note, review_by, review_by_name, review_at";

/** Same columns, qualified with a table alias, for joins. */
export const articleColumnsOf = (alias: string) =>
  ARTICLE_COLUMNS.split(", ")
    .map((c) => `${alias}.${c}`)
    .join(", ");

/** The stored bylines JSON; a damaged cell reads as none. */
export function parseBylines(json: string): Byline[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((b): b is Byline => typeof b?.name === "string" && typeof b?.role === "string")
      : [];
  } catch {
    // A damaged cell must not take the page down: render without bylines.
    return [];
  }
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  sectionId: r.section_id,
  status: r.status,
  title: r.title,
  titleBold: r.title_bold === 1,
  kicker: r.kicker,
  subtitle: r.subtitle,
  summary: r.summary,
  source: r.source,
  bylines: parseBylines(r.bylines),
  body: r.body,
  bodyHtml: r.body_html,
  bodyText: r.body_text,
  coverImage: r.cover_image,
  publishAt: r.publish_at,
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  createdBy: r.created_by,
  deletedAt: r.deleted_at,
  review:
    r.review_action === null || r.review_at === null
      ? null
      : { action: r.review_action, note: r.review_note, actor: { id: r.review_by, name: r.review_by_name }, at: r.review_at },
});

/** Any article by id, whatever its status (the admin view), for use alone or inside a batch. */
export const articleStatement = (db: Db, id: number) => db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).bind(id);

/** The published articles of a section, for 上一篇 / 下一篇 around a change the write path is making. */
const NEIGHBOUR_SELECT = `SELECT a.id, a.title, a.published_at, s.path AS section_path
  FROM articles a JOIN sections s ON s.id = a.section_id
 WHERE a.section_id = ?1 AND a.status = 'published'`;

/** 上一篇: the next older published article of the section (keyset on the section index). */
export const olderInSectionStatement = (db: Db, sectionId: number, publishedAt: number, id: number) =>
  db
    .prepare(`${NEIGHBOUR_SELECT} AND (a.published_at, a.id) < (?2, ?3) ORDER BY a.published_at DESC, a.id DESC LIMIT 1`)
    .bind(sectionId, publishedAt, id);

/** 下一篇: the next newer published article of the section. */
export const newerInSectionStatement = (db: Db, sectionId: number, publishedAt: number, id: number) =>
  db
    .prepare(`${NEIGHBOUR_SELECT} AND (a.published_at, a.id) > (?2, ?3) ORDER BY a.published_at ASC, a.id ASC LIMIT 1`)
    .bind(sectionId, publishedAt, id);

export type AdminListFilter = ArticleListFilter & {
  /** Who reads the list, and when: each row says who else has its article open. */
  viewer: number | null;
  now: number;
};

export type ArticleInSection = { article: Article; section: Pick<Section, "path" | "name"> };

/** The editors' list: newest change first, keyset-paginated on (updated_at, id), each row with who else has it open. */
export async function listArticlesForAdmin(db: Db, f: AdminListFilter): Promise<(ArticleInSection & { editing: Editing[] })[]> {
  const list = articleListClauses(f);
  const { results } = await db
    .prepare(
      `SELECT ${articleColumnsOf("a")}, s.path AS section_path, s.name AS section_name, ${editingColumn("a")}
         FROM articles a JOIN sections s ON s.id = a.section_id
        ${list.sql}`,
    )
    .bind(...editingBinds(f.now, f.viewer), ...list.binds)
    .all<ArticleRow & { section_path: string; section_name: string; editing: string }>();
  return results.map((r) => ({ article: toArticle(r), section: { path: r.section_path, name: r.section_name }, editing: parseEditing(r.editing) }));
}

/** Scheduled articles whose time has come, oldest first (the scheduler's work list; a partial index). */
export async function listDueScheduled(
  db: Db,
  now: number,
  limit: number,
): Promise<Array<{ id: number; version: number; publishAt: number }>> {
  const { results } = await db
    .prepare(`SELECT id, version, publish_at FROM articles WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at LIMIT ?`)
    .bind(now, limit)
    .all<{ id: number; version: number; publish_at: number }>();
  return results.map((r) => ({ id: r.id, version: r.version, publishAt: r.publish_at }));
}
