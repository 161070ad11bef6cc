// Presence rows (migrations/0012, 0016): one per actor with an article open, refreshed by the editor's
// heartbeat. Read with the article, and for a page of a list in the list's own statement (no query per row).
// A row someone took over (接管编辑, db/takeover.ts) no longer counts as editing; its actor's next heartbeat
// hears who took over, once, and the row goes.
import type { Editing, TakenOver } from "../domain/presence.ts";
import { PRESENCE_TTL_MS } from "../domain/presence.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { type LatestRevision, latestRevisionStatement, toLatestRevision } from "./revisions.ts";

/**
 * A SELECT-list column with who else has article `<alias>.id` open, as JSON; it takes two parameters, in
 * this order: the earliest heartbeat that still counts, and the viewer's actor id (left out; NULL leaves no one out).
 */
export const editingColumn = (alias: string) =>
  `(SELECT json_group_array(json_object('actor_id', p.actor_id, 'name', p.name, 'since', p.since)) FROM presence p
     WHERE p.article_id = ${alias}.id AND p.seen_at > ? AND p.actor_id IS NOT ? AND p.taken_by_id IS NULL) AS editing`;

/** The parameters of editingColumn, as of `now`, for `viewer`. */
export const editingBinds = (now: number, viewer: number | null): [number, number | null] => [now - PRESENCE_TTL_MS, viewer];

/** The column's JSON as a list, earliest arrival first; a damaged value reads as no one. */
export function parseEditing(json: string | null): Editing[] {
  let items: unknown;
  try {
    items = JSON.parse(json ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(items)) return [];
  return items
    .filter((e): e is { actor_id: number; name: string; since: number } => typeof e?.actor_id === "number" && typeof e.name === "string" && typeof e.since === "number")
    .map((e) => ({ actorId: e.actor_id, name: e.name, since: e.since }))
    .sort((a, b) => a.since - b.since || a.actorId - b.actorId);
}

/** Who else has the article open now; an empty list when no one does (or there is no such article). */
export async function readEditing(db: Db, articleId: number, viewer: number | null, now: number): Promise<Editing[]> {
  const row = await db
    .prepare(`SELECT ${editingColumn("a")} FROM articles a WHERE a.id = ?`)
    .bind(...editingBinds(now, viewer), articleId)
    .first<{ editing: string }>();
  return parseEditing(row?.editing ?? null);
}

type Heartbeat = { editing: Editing[]; version: number; updatedAt: number; latest: LatestRevision | null; takenOver: TakenOver | null };

const TAKEN = `FROM presence WHERE article_id = ? AND actor_id = ? AND taken_by_id IS NOT NULL`;

/**
 * Notes that `actor` has the article open at `now` — `since` stays while the heartbeats keep coming, and
 * starts again after a gap longer than the TTL — and answers who else has it open and the article's version
 * and last change, so an editor learns of another person's save before its own is refused. When someone
 * took the article over from `actor`, it says who (once: the row goes) and notes nothing. Null when there is
 * no such article. One round trip.
 */
export async function heartbeat(db: Db, articleId: number, actor: { id: number; name: string }, now: number): Promise<Heartbeat | null> {
  const [taken, , , others, head, latest] = await db.batch<unknown>([
    db.prepare(`SELECT taken_by_id, taken_by_name, taken_at ${TAKEN}`).bind(articleId, actor.id),
    db
      .prepare(
        `INSERT INTO presence (article_id, actor_id, name, since, seen_at)
         SELECT ?1, ?2, ?3, ?4, ?4 FROM articles WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM presence WHERE article_id = ?1 AND actor_id = ?2 AND taken_by_id IS NOT NULL)
         ON CONFLICT (article_id, actor_id) DO UPDATE SET
           name = excluded.name,
           since = CASE WHEN presence.seen_at > ?5 THEN presence.since ELSE excluded.since END,
           seen_at = excluded.seen_at`,
      )
      .bind(articleId, actor.id, actor.name, now, now - PRESENCE_TTL_MS),
    db.prepare(`DELETE ${TAKEN}`).bind(articleId, actor.id),
    db.prepare(`SELECT ${editingColumn("a")} FROM articles a WHERE a.id = ?`).bind(...editingBinds(now, actor.id), articleId),
    db.prepare(`SELECT version, updated_at FROM articles WHERE id = ?`).bind(articleId),
    latestRevisionStatement(db, articleId),
  ]);
  const article = rowsOf<{ version: number; updated_at: number }>(head)[0];
  if (!article) return null;
  const newest = rowsOf<Parameters<typeof toLatestRevision>[0]>(latest)[0];
  const by = rowsOf<{ taken_by_id: number; taken_by_name: string; taken_at: number }>(taken)[0];
  return {
    takenOver: by ? { by: { id: by.taken_by_id, name: by.taken_by_name }, at: by.taken_at } : null,
    editing: parseEditing(rowsOf<{ editing: string }>(others)[0]?.editing ?? null),
    version: article.version,
    updatedAt: article.updated_at,
    latest: newest ? toLatestRevision(newest) : null,
  };
}

/** The actor closed the article (their editor says so as it leaves); a missed goodbye expires by itself. */
export async function leave(db: Db, articleId: number, actorId: number): Promise<void> {
  await db.prepare(`DELETE FROM presence WHERE article_id = ? AND actor_id = ?`).bind(articleId, actorId).run();
}

/** Forgets heartbeats older than `before` (the cron): they no longer count anyway. */
export async function prunePresence(db: D1Database, before: number): Promise<void> {
  await db.prepare(`DELETE FROM presence WHERE seen_at < ?`).bind(before).run();
}
