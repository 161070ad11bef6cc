// Idempotent creates: a retried POST with the same Idempotency-Key replays the first answer.
import type { Db } from "../domain/db.ts";

/** How long a first answer is replayed: a retry is a matter of minutes; a day covers a client's backoff. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredIdempotency = { requestHash: string; articleId: number; response: string };

type IdempotencyRow = { request_hash: string; article_id: number; response: string };

export const toStoredIdempotency = (r: IdempotencyRow): StoredIdempotency => ({
  requestHash: r.request_hash,
  articleId: r.article_id,
  response: r.response,
});

/** The first answer to this key's Idempotency-Key if it was stored after `since`; older ones are forgotten. */
export const idempotencyLookupStatement = (db: Db, keyId: number, idemKey: string, since: number) =>
  db
    .prepare(`SELECT request_hash, article_id, response FROM idempotency_keys WHERE key_id = ? AND idem_key = ? AND created_at >= ?`)
    .bind(keyId, idemKey, since);

/**
 * Inserted in the create's own batch: a concurrent duplicate hits the primary key and rolls back. An
 * expired answer under the same key, which the scheduler may not have pruned yet, makes way first.
 */
export const idempotencyStatements = (
  db: Db,
  entry: { keyId: number; idemKey: string; requestHash: string; articleId: number; response: string; at: number },
) => [
  db
    .prepare(`DELETE FROM idempotency_keys WHERE key_id = ? AND idem_key = ? AND created_at < ?`)
    .bind(entry.keyId, entry.idemKey, entry.at - IDEMPOTENCY_TTL_MS),
  db
    .prepare(
      `INSERT INTO idempotency_keys (key_id, idem_key, request_hash, article_id, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(entry.keyId, entry.idemKey, entry.requestHash, entry.articleId, entry.response, entry.at),
];

export const isIdempotencyConflict = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed: idempotency_keys\./.test(err.message);

/** Forgets first answers older than `before`: a retry is a matter of minutes, not days. */
export async function pruneIdempotency(db: Db, before: number): Promise<void> {
  await db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`).bind(before).run();
}
