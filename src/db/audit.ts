// The audit log: who did what, when. Append-only; each write adds its entry inside its own batch.
import type { Actor } from "../domain/api-key.ts";
import type { Db } from "../domain/db.ts";

/** Who is recorded: an API key's id and name, or a tool such as the key CLI with `id: null`. */
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
