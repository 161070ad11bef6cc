// 接管编辑 in SQL: who else has an article open, with the role each acts with (the route decides who may take
// over whom), and the takeover itself — their presence rows marked, the taker's own noted, the audit entry
// written — in one batch.
import type { Role } from "../domain/role.ts";
import type { Db } from "../domain/db.ts";
import { PRESENCE_TTL_MS } from "../domain/presence.ts";
import { type AuditActor, auditStatement } from "./audit.ts";

/** Someone with the article open, and the role their person or key acts with (null when it is gone). */
export type Present = { actorId: number; name: string; role: Role | null };

/** Everyone but `viewer` with article `articleId` open at `now`, not already taken over, earliest first. */
export async function presentOthers(db: Db, articleId: number, viewer: number, now: number): Promise<Present[]> {
  const { results } = await db
    .prepare(
      `SELECT p.actor_id, p.name, COALESCE(s.role, k.role) AS role
         FROM presence p
         LEFT JOIN staff s ON s.id = p.actor_id
         LEFT JOIN api_keys k ON k.id = p.actor_id
        WHERE p.article_id = ? AND p.seen_at > ? AND p.actor_id != ? AND p.taken_by_id IS NULL
        ORDER BY p.since, p.actor_id`,
    )
    .bind(articleId, now - PRESENCE_TTL_MS, viewer)
    .all<{ actor_id: number; name: string; role: Role | null }>();
  return results.map((r) => ({ actorId: r.actor_id, name: r.name, role: r.role }));
}

/**
 * Marks `from`'s presence rows as taken over by `actor` (only those still there), notes the actor as editing
 * the article, and records it in the audit log: one round trip.
 */
export async function takeOver(db: Db, articleId: number, actor: { id: number; name: string }, from: readonly Present[], now: number): Promise<void> {
  const ids = JSON.stringify(from.map((p) => p.actorId));
  const audit: AuditActor = actor;
  await db.batch([
    db
      .prepare(
        `UPDATE presence SET taken_by_id = ?, taken_by_name = ?, taken_at = ?
          WHERE article_id = ? AND actor_id IN (SELECT value FROM json_each(?)) AND seen_at > ?`,
      )
      .bind(actor.id, actor.name, now, articleId, ids, now - PRESENCE_TTL_MS),
    db
      .prepare(
        `INSERT INTO presence (article_id, actor_id, name, since, seen_at) VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (article_id, actor_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at,
           taken_by_id = NULL, taken_by_name = NULL, taken_at = NULL`,
      )
      .bind(articleId, actor.id, actor.name, now),
    auditStatement(db, {
      actor: audit,
      action: "article.takeover",
      articleId,
      detail: { from: from.map((p) => ({ id: p.actorId, name: p.name })) },
      at: now,
    }),
  ]);
}
