// Idempotent creates: a retried POST with the same Idempotency-Key replays the first answer.

/** How long a first answer is replayed: a retry is a matter of minutes; a day covers a client's backoff. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredIdempotency = { requestHash: string; articleId: number; response: string };

/**
 * The first answer to this key's Idempotency-Key, if it is younger than IDEMPOTENCY_TTL_MS. An expired
 * one is forgotten here, whether or not the scheduler has pruned it yet, so the key can be used again.
 */
export async function findIdempotency(
  db: D1Database,
  keyId: number,
  idemKey: string,
  now: number,
): Promise<StoredIdempotency | null> {
  const row = await db
    .prepare(`SELECT request_hash, article_id, response, created_at FROM idempotency_keys WHERE key_id = ? AND idem_key = ?`)
    .bind(keyId, idemKey)
    .first<{ request_hash: string; article_id: number; response: string; created_at: number }>();
  if (!row) return null;
  if (row.created_at < now - IDEMPOTENCY_TTL_MS) {
    await db
      .prepare(`DELETE FROM idempotency_keys WHERE key_id = ? AND idem_key = ? AND created_at = ?`)
      .bind(keyId, idemKey, row.created_at)
      .run();
    return null;
  }
  return { requestHash: row.request_hash, articleId: row.article_id, response: row.response };
}

/** Inserted in the create's own batch: a concurrent duplicate hits the primary key and rolls back. */
export const idempotencyStatement = (
  db: D1Database,
  entry: { keyId: number; idemKey: string; requestHash: string; articleId: number; response: string; at: number },
) =>
  db
    .prepare(
      `INSERT INTO idempotency_keys (key_id, idem_key, request_hash, article_id, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(entry.keyId, entry.idemKey, entry.requestHash, entry.articleId, entry.response, entry.at);

export const isIdempotencyConflict = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed: idempotency_keys\./.test(err.message);

/** Forgets first answers older than `before`: a retry is a matter of minutes, not days. */
export async function pruneIdempotency(db: D1Database, before: number): Promise<void> {
  await db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`).bind(before).run();
}
