// An imported site's 专题 and the topics they became (migration 0015): written by the importer in the batch
// that makes each topic, read by the legacy routes one primary-key lookup at a time.
import type { LegacySystem, LegacyTarget } from "../domain/legacy.ts";
import type { Db } from "../domain/db.ts";

/** Records which old 专题 the topic `slug` (made in the same batch) was, and its old static paths. */
export const legacyTopicStatements = (db: Db, system: LegacySystem, legacyId: number, slug: string, paths: readonly string[]) => [
  db
    .prepare(
      `INSERT INTO legacy_topics (system, legacy_id, topic_id) SELECT ?1, ?2, id FROM topics WHERE slug = ?3
       ON CONFLICT (system, legacy_id) DO UPDATE SET topic_id = excluded.topic_id`,
    )
    .bind(system, legacyId, slug),
  db
    .prepare(
      `INSERT INTO legacy_topic_paths (path, topic_id) SELECT j.value, t.id FROM json_each(?2) j, topics t WHERE t.slug = ?1
       ON CONFLICT (path) DO UPDATE SET topic_id = excluded.topic_id`,
    )
    .bind(slug, JSON.stringify(paths)),
];

/** The slugs of the topics old 专题 ids of `system` became, by old id: one query whatever the count. */
export async function importedTopics(db: Db, system: LegacySystem, legacyIds: readonly number[]): Promise<Map<number, string>> {
  if (legacyIds.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT l.legacy_id, t.slug FROM legacy_topics l JOIN topics t ON t.id = l.topic_id
        WHERE l.system = ? AND l.legacy_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(system, JSON.stringify([...legacyIds]))
    .all<{ legacy_id: number; slug: string }>();
  return new Map(results.map((r) => [r.legacy_id, r.slug]));
}

/** The topic an old 专题 id became, as the route reads it. */
export const legacyTopicStatement = (db: Db, system: LegacySystem, legacyId: number) =>
  db.prepare(`SELECT t.slug FROM legacy_topics l JOIN topics t ON t.id = l.topic_id WHERE l.system = ? AND l.legacy_id = ?`).bind(system, legacyId);

/** The topic an old static path leads to. */
export const legacyTopicPathStatement = (db: Db, path: string) =>
  db.prepare(`SELECT t.slug FROM legacy_topic_paths p JOIN topics t ON t.id = p.topic_id WHERE p.path = ?`).bind(path);

export const topicTargetOf = (row: { slug: string } | undefined): LegacyTarget | null => (row ? { kind: "topic", slug: row.slug } : null);

/** The topic an old 专题 id became. */
export async function legacyTopicTarget(db: Db, system: LegacySystem, legacyId: number): Promise<LegacyTarget | null> {
  return topicTargetOf((await legacyTopicStatement(db, system, legacyId).first<{ slug: string }>()) ?? undefined);
}
