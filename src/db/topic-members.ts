// A topic's members (专题's articles) and how its listing is kept in step. Only published members are
// listed: `position` numbers them in page order from the last shown (1) up, so page N is a range of positions
// (like section_listing); renumberStatement recomputes them in the batch of every change that moves one,
// whoever makes it.
import type { ArticleStatus } from "../domain/article.ts";
import type { TopicMember } from "../domain/topic.ts";
import type { Db } from "../domain/db.ts";

/** A topic's members, newest added first, keyset on (added_at, article_id); optionally one group's. */
export async function listTopicMembers(
  db: Db,
  topicId: number,
  opts: { groupId?: number; limit: number; after: readonly [number, number] | null },
): Promise<TopicMember[]> {
  const after = opts.after ?? [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  const { results } = await db
    .prepare(
      `SELECT m.article_id, m.group_id, m.added_at, a.title, a.status, (a.status = 'published' AND a.deleted_at IS NULL) AS listed,
              s.path AS section_path, a.published_at
         FROM topic_articles m JOIN articles a ON a.id = m.article_id JOIN sections s ON s.id = a.section_id
        WHERE m.topic_id = ?1 AND (?2 IS NULL OR m.group_id = ?2) AND (m.added_at, m.article_id) < (?3, ?4)
        ORDER BY m.added_at DESC, m.article_id DESC LIMIT ?5`,
    )
    .bind(topicId, opts.groupId ?? null, after[0], after[1], opts.limit)
    .all<{ article_id: number; group_id: number; added_at: number; title: string; status: ArticleStatus; listed: number; section_path: string; published_at: number | null }>();
  return results.map((r) => ({
    articleId: r.article_id,
    groupId: r.group_id,
    addedAt: r.added_at,
    title: r.title,
    status: r.status,
    listed: r.listed === 1,
    sectionPath: r.section_path,
    publishedAt: r.published_at,
  }));
}

/** An article into a group of the topic (or moved to it); listed at the next renumber if published. */
export const placeMemberStatement = (db: Db, topicId: number, articleId: number, groupId: number, now: number) =>
  db
    .prepare(
      `INSERT INTO topic_articles (topic_id, article_id, group_id, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (topic_id, article_id) DO UPDATE SET group_id = excluded.group_id`,
    )
    .bind(topicId, articleId, groupId, now);

export const removeMemberStatement = (db: Db, topicId: number, articleId: number) =>
  db.prepare(`DELETE FROM topic_articles WHERE topic_id = ? AND article_id = ?`).bind(topicId, articleId);

/** Members of the topic `slug` made in the same batch, each in the group at its sort order. */
export const insertMembersBySlugStatement = (db: Db, slug: string, members: readonly { articleId: number; groupOrder: number }[], now: number) =>
  db
    .prepare(
      `INSERT INTO topic_articles (topic_id, article_id, group_id, added_at)
       SELECT t.id, j.value ->> '$.a', (SELECT g.id FROM topic_groups g WHERE g.topic_id = t.id AND g.sort_order = j.value ->> '$.g'), ?3
         FROM topics t, json_each(?2) j WHERE t.slug = ?1`,
    )
    .bind(slug, JSON.stringify(members.map((m) => ({ a: m.articleId, g: m.groupOrder }))), now);

/**
 * Renumbers the listing of the topics `which` selects from the articles' state in this very transaction: each
 * published member gets its place in page order (groups in order, newest first within a group), counted from
 * the last shown (1) up, and its publication time for the feed; a member off the site gets NULL. Only rows
 * whose place changed are written, so an article published at the top of a topic's first group moves
 * nothing but itself. Cost: the topic's members (at most TOPIC_MAX_ARTICLES), never the archive.
 */
function renumberStatement(db: Db, which: string) {
  const listed = `a.status = 'published' AND a.deleted_at IS NULL`;
  return db.prepare(
    `UPDATE topic_articles AS t SET position = r.rn, published_at = r.published_at
       FROM (SELECT m.topic_id, m.article_id,
                    CASE WHEN ${listed} THEN a.published_at END AS published_at,
                    CASE WHEN ${listed} THEN row_number() OVER (
                      PARTITION BY m.topic_id, ${listed}
                      ORDER BY g.sort_order DESC, g.id DESC, a.published_at, a.id) END AS rn
               FROM topic_articles m JOIN articles a ON a.id = m.article_id JOIN topic_groups g ON g.id = m.group_id
              WHERE m.topic_id ${which}) AS r
      WHERE t.topic_id = r.topic_id AND t.article_id = r.article_id
        AND (t.position IS NOT r.rn OR t.published_at IS NOT r.published_at)`,
  );
}

/** Renumbers one topic, after a change to its groups or members. */
export const renumberTopicStatement = (db: Db, topicId: number) => renumberStatement(db, "= ?1").bind(topicId);

/** Renumbers the topics of `slug` (made or filled in the same batch). */
export const renumberTopicBySlugStatement = (db: Db, slug: string) => renumberStatement(db, "= (SELECT id FROM topics WHERE slug = ?1)").bind(slug);

/** Renumbers every topic an article is in, after its own change (published, withdrawn, backdated). */
export const renumberTopicsOfArticleStatement = (db: Db, articleId: number) =>
  renumberStatement(db, "IN (SELECT topic_id FROM topic_articles WHERE article_id = ?1)").bind(articleId);

/**
 * Marks the topics an article is in as changed (their feeds' Last-Modified) and answers their slugs: read in
 * the article's own commit, so its report names exactly the topics it is in at that moment.
 */
export const touchTopicsOfArticleStatement = (db: Db, articleId: number, at: number) =>
  db
    .prepare(`UPDATE topics SET changed_at = MAX(changed_at, ?1) WHERE id IN (SELECT topic_id FROM topic_articles WHERE article_id = ?2) RETURNING slug`)
    .bind(at, articleId);
