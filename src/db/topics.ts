// Topics (专题) and their groups: the rows, the write path's one load and its statements. Their members and
// how a topic's listing is kept in step: db/topic-members.ts.
import type { Topic, TopicGroup, TopicWithGroups } from "../domain/topic.ts";
import type { Media } from "../domain/media.ts";
import type { Db } from "../domain/db.ts";
import { type AuditActor, auditStatement } from "./audit.ts";
import { rowsOf } from "./handle.ts";
import { type MediaRow, mediaByKeysStatement, mediaMap } from "./media.ts";

type TopicRow = {
  id: number;
  slug: string;
  title: string;
  banner: string | null;
  intro: string;
  intro_html: string;
  intro_text: string;
  version: number;
  created_at: number;
  updated_at: number;
  changed_at: number;
};

export const TOPIC_COLUMNS = "id, slug, title, banner, intro, intro_html, intro_text, version, created_at, updated_at, changed_at";

export const toTopic = (r: TopicRow): Topic => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  banner: r.banner,
  intro: r.intro,
  introHtml: r.intro_html,
  introText: r.intro_text,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  changedAt: r.changed_at,
});

export type { TopicRow };

type GroupRow = { id: number; name: string; sort_order: number; members: number };

const toGroup = (r: GroupRow): TopicGroup & { members: number } => ({ id: r.id, name: r.name, sortOrder: r.sort_order, members: r.members });

const groupsStatement = (db: Db, topic: string) =>
  db.prepare(
    `SELECT g.id, g.name, g.sort_order, (SELECT COUNT(*) FROM topic_articles m WHERE m.group_id = g.id) AS members
       FROM topic_groups g WHERE g.topic_id = (${topic}) ORDER BY g.sort_order, g.id`,
  );

/** A topic and its groups by slug, for editors; null when there is none. */
export async function getTopic(db: Db, slug: string): Promise<TopicWithGroups | null> {
  return (await loadTopic(db, slug)).topic;
}

/** The article a change names, as the write path decides on it. */
export type TopicArticle = { id: number; listed: boolean; groupId: number | null };

/** What a change to one topic decides on, read in one round trip. */
export type TopicLoad = {
  topic: TopicWithGroups | null;
  /** The article the change names: whether it exists, is published, and which group of this topic holds it. */
  article: TopicArticle | null;
  media: Map<string, Media>;
};

export async function loadTopic(db: Db, slug: string, wants: { articleId?: number; mediaKeys?: readonly string[] } = {}): Promise<TopicLoad> {
  const topicId = `SELECT id FROM topics WHERE slug = ?1`;
  const [topic, groups, article, media] = await db.batch<unknown>([
    db.prepare(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE slug = ?`).bind(slug),
    groupsStatement(db, topicId).bind(slug),
    db
      .prepare(
        `SELECT a.id, (a.status = 'published' AND a.deleted_at IS NULL) AS listed,
                (SELECT m.group_id FROM topic_articles m WHERE m.topic_id = (${topicId}) AND m.article_id = a.id) AS group_id
           FROM articles a WHERE a.id = ?2`,
      )
      .bind(slug, wants.articleId ?? 0),
    mediaByKeysStatement(db, wants.mediaKeys ?? []),
  ]);
  const row = rowsOf<TopicRow>(topic)[0];
  const a = rowsOf<{ id: number; listed: number; group_id: number | null }>(article)[0];
  return {
    topic: row ? { ...toTopic(row), groups: rowsOf<GroupRow>(groups).map(toGroup) } : null,
    article: a && wants.articleId !== undefined ? { id: a.id, listed: a.listed === 1, groupId: a.group_id } : null,
    media: mediaMap(rowsOf<MediaRow>(media)),
  };
}

/** Topics, newest first, keyset on (created_at, id), each with its groups. */
export async function listTopics(db: Db, opts: { limit: number; after: readonly [number, number] | null }): Promise<TopicWithGroups[]> {
  const after = opts.after ?? [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  const page = `SELECT ${TOPIC_COLUMNS} FROM topics WHERE (created_at, id) < (?1, ?2) ORDER BY created_at DESC, id DESC LIMIT ?3`;
  const [topics, groups] = await db.batch<unknown>([
    db.prepare(page).bind(after[0], after[1], opts.limit),
    db
      .prepare(
        `SELECT g.topic_id, g.id, g.name, g.sort_order, (SELECT COUNT(*) FROM topic_articles m WHERE m.group_id = g.id) AS members
           FROM topic_groups g WHERE g.topic_id IN (SELECT id FROM (${page})) ORDER BY g.sort_order, g.id`,
      )
      .bind(after[0], after[1], opts.limit),
  ]);
  const byTopic = new Map<number, ReturnType<typeof toGroup>[]>();
  for (const g of rowsOf<GroupRow & { topic_id: number }>(groups)) byTopic.set(g.topic_id, [...(byTopic.get(g.topic_id) ?? []), toGroup(g)]);
  return rowsOf<TopicRow>(topics).map((r) => ({ ...toTopic(r), groups: byTopic.get(r.id) ?? [] }));
}

// ---- writes ----

/** A topic's own fields, as the write path computes them. */
export type TopicFields = Pick<Topic, "title" | "banner" | "intro" | "introHtml" | "introText">;

/** Creates a topic (version 1); the batch fails on the slug's UNIQUE constraint when it is taken. */
export const insertTopicStatement = (db: Db, slug: string, f: TopicFields, now: number) =>
  db
    .prepare(
      `INSERT INTO topics (slug, title, banner, intro, intro_html, intro_text, version, created_at, updated_at, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING ${TOPIC_COLUMNS}`,
    )
    .bind(slug, f.title, f.banner, f.intro, f.introHtml, f.introText, now, now, now);

/** Groups of the topic `slug` (made in the same batch), in this order. */
export const insertGroupsStatement = (db: Db, slug: string, names: readonly string[], firstOrder = 1) =>
  db
    .prepare(
      `INSERT INTO topic_groups (topic_id, name, sort_order)
       SELECT (SELECT id FROM topics WHERE slug = ?1), j.value, ?2 + j.key FROM json_each(?3) j
       RETURNING id, name, sort_order, 0 AS members`,
    )
    .bind(slug, firstOrder, JSON.stringify(names));

/**
 * The topic's new fields and version over `fromVersion`: any other version makes the new one NULL, refused
 * by the NOT NULL column, and the whole batch rolls back (isTopicConflict). `changed_at` moves with it: every
 * change through here alters what the topic shows.
 */
export const lockedTopicStatement = (db: Db, id: number, f: TopicFields, fromVersion: number, now: number) =>
  db
    .prepare(
      `UPDATE topics SET title = ?, banner = ?, intro = ?, intro_html = ?, intro_text = ?, updated_at = ?6, changed_at = ?6,
         version = CASE version WHEN ?7 THEN ?7 + 1 END
       WHERE id = ?8 RETURNING ${TOPIC_COLUMNS}`,
    )
    .bind(f.title, f.banner, f.intro, f.introHtml, f.introText, now, fromVersion, id);

export const topicFrom = (result: D1Result<unknown> | undefined): Topic | null => {
  const row = rowsOf<TopicRow>(result)[0];
  return row ? toTopic(row) : null;
};

/** The groups a statement RETURNING them made, in order. */
export const groupsFrom = (result: D1Result<unknown> | undefined) => rowsOf<GroupRow>(result).map(toGroup).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

/** A group renamed or moved to `sortOrder`. */
export const updateGroupStatement = (db: Db, topicId: number, g: TopicGroup) =>
  db.prepare(`UPDATE topic_groups SET name = ?, sort_order = ? WHERE id = ? AND topic_id = ?`).bind(g.name, g.sortOrder, g.id, topicId);

/** Empty groups removed (a member left in one fails the foreign key, and the batch rolls back). */
export const deleteGroupsStatement = (db: Db, topicId: number, ids: readonly number[]) =>
  db.prepare(`DELETE FROM topic_groups WHERE topic_id = ? AND id IN (SELECT value FROM json_each(?))`).bind(topicId, JSON.stringify(ids));

/** New groups of an existing topic. */
export const addGroupsStatement = (db: Db, topicId: number, groups: readonly { name: string; sortOrder: number }[]) =>
  db
    .prepare(
      `INSERT INTO topic_groups (topic_id, name, sort_order) SELECT ?1, j.value ->> '$.name', j.value ->> '$.order' FROM json_each(?2) j
       RETURNING id, name, sort_order, 0 AS members`,
    )
    .bind(topicId, JSON.stringify(groups.map((g) => ({ name: g.name, order: g.sortOrder }))));

/** Marks the topic `slug` as changed (its feeds' Last-Modified, its sitemap lastmod). */
export const touchTopicStatement = (db: Db, slug: string, at: number) =>
  db.prepare(`UPDATE topics SET changed_at = MAX(changed_at, ?) WHERE slug = ?`).bind(at, slug);

/** A topic, its members and groups, gone (over `fromVersion`: the lock comes first). */
export const deleteTopicStatements = (db: Db, id: number) => [
  db.prepare(`DELETE FROM topic_articles WHERE topic_id = ?`).bind(id),
  db.prepare(`DELETE FROM topic_groups WHERE topic_id = ?`).bind(id),
  db.prepare(`DELETE FROM topics WHERE id = ?`).bind(id),
];

/** True when a topic's batch failed because another writer changed it first (or a group kept a member). */
export const isTopicConflict = (err: unknown) =>
  err instanceof Error && /NOT NULL constraint failed: topics\.version|FOREIGN KEY constraint failed/.test(err.message);

export const isTopicSlugTaken = (err: unknown) => err instanceof Error && /UNIQUE constraint failed: topics\.slug/.test(err.message);

/** The audit entry of a change to a topic, written only when the topic reached `version`. */
export const topicAuditStatement = (
  db: Db,
  actor: AuditActor,
  action: string,
  topic: Pick<Topic, "id" | "slug" | "version">,
  detail: Record<string, unknown>,
  at: number,
  articleId: number | null = null,
) =>
  auditStatement(
    db,
    { actor, action: `topic.${action}`, articleId, detail: { topic: topic.slug, version: topic.version, ...detail }, at },
    { exists: "SELECT 1 FROM topics WHERE id = ? AND version = ?", binds: [topic.id, topic.version] },
  );
