// The audit log: who did what, when. Append-only; each write adds its entry inside its own batch, and the
// audit API lists it newest first. `key_id` holds an actor id: a key's or a person's (migrations/0010).
import type { Actor } from "../domain/actor.ts";
import type { AuditRecord } from "../domain/audit.ts";
import type { Db } from "../domain/db.ts";

/** Who is recorded: an actor's id (a key's or a person's) and name, or a tool such as the key CLI with `id: null`. */
export type AuditActor = Pick<Actor, "id" | "name">;

export type AuditEntry = {
  actor: AuditActor;
  /** `<thing>.<verb>`, e.g. `key.create`, `article.publish`. */
  action: string;
  articleId?: number | null;
  detail?: Record<string, unknown>;
  /** Milliseconds since the epoch; now when omitted. */
  at?: number;
};

/**
 * The insert for one entry, to put in the same db.batch() as the change it records. With `onlyIf`
 * (an EXISTS subquery and its parameters), the entry is written only when the change took effect.
 */
export function auditStatement(
  db: Db,
  entry: AuditEntry,
  onlyIf?: { exists: string; binds: (string | number | null)[] },
): D1PreparedStatement {
  const values = [
    entry.at ?? Date.now(),
    entry.actor.id,
    entry.actor.name,
    entry.action,
    entry.articleId ?? null,
    JSON.stringify(entry.detail ?? {}),
  ];
  const insert = "INSERT INTO audit_log (at, key_id, key_name, action, article_id, detail)";
  if (!onlyIf) return db.prepare(`${insert} VALUES (?, ?, ?, ?, ?, ?)`).bind(...values);
  return db.prepare(`${insert} SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (${onlyIf.exists})`).bind(...values, ...onlyIf.binds);
}

type AuditRow = { id: number; at: number; key_id: number | null; key_name: string; kind: "key" | "staff" | null; action: string; article_id: number | null; detail: string };

function detailOf(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

const toAuditRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  // An entry without an actor id was written by a tool (the scheduler, the seed, a CLI).
  actor: { id: r.key_id, kind: r.kind ?? "tool", name: r.key_name },
  action: r.action,
  articleId: r.article_id,
  detail: detailOf(r.detail),
});

export type AuditQuery = { articleId?: number; actorId?: number; action?: string; beforeId?: number; limit: number };

/** Entries newest first, optionally of one article, actor or action, before the entry `beforeId` (keyset). */
export async function listAudit(db: Db, q: AuditQuery): Promise<AuditRecord[]> {
  const filters: [string, number | string | undefined][] = [
    ["a.article_id = ?", q.articleId],
    ["a.key_id = ?", q.actorId],
    ["a.action = ?", q.action],
    ["a.id < ?", q.beforeId],
  ];
  const given = filters.filter((f): f is [string, number | string] => f[1] !== undefined);
  const where = given.length ? `WHERE ${given.map(([sql]) => sql).join(" AND ")}` : "";
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.key_id, a.key_name, actors.kind, a.action, a.article_id, a.detail
         FROM audit_log AS a LEFT JOIN actors ON actors.id = a.key_id ${where} ORDER BY a.id DESC LIMIT ?`,
    )
    .bind(...given.map(([, value]) => value), q.limit)
    .all<AuditRow>();
  return results.map(toAuditRecord);
}
