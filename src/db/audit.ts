// The audit log: who did what, when. Append-only; each write adds its entry inside its own batch.

/** Who acted: an API key (an `ApiKey` fits), or a tool such as the key CLI with `id: null`. */
export type AuditActor = { id: number | null; name: string };

export type AuditEntry = {
  actor: AuditActor;
  /** `<thing>.<verb>`, e.g. `key.create`, `article.publish`. */
  action: string;
  articleId?: number | null;
  detail?: Record<string, unknown>;
  /** Milliseconds since the epoch; now when omitted. */
  at?: number;
};

/** The insert for one entry, to put in the same db.batch() as the change it records. */
export function auditStatement(db: D1Database, entry: AuditEntry): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (at, key_id, key_name, action, article_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(
      entry.at ?? Date.now(),
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.articleId ?? null,
      JSON.stringify(entry.detail ?? {}),
    );
}

/** Appends one entry on its own, for changes that are a single statement already run elsewhere. */
export async function appendAudit(db: D1Database, entry: AuditEntry): Promise<void> {
  await auditStatement(db, entry).run();
}
