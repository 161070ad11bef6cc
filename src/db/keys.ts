// API keys and failed-authentication counts. Only a key's SHA-256 is stored, never the key itself.
import type { ApiKey, KeyMaterial } from "../domain/api-key.ts";
import type { Role } from "../domain/role.ts";
import { type AuditActor as Actor, auditStatement } from "./audit.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";

/** A key with its stored hash: only the auth middleware needs this, so ApiKey itself never carries it. */
export type StoredApiKey = ApiKey & { secretHash: string };

/** A new key and its secret (the whole `mh_…` string), which exists only in this value: show it once. */
export type CreatedApiKey = { key: ApiKey; secret: string };

export type ApiKeyRow = {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

const COLUMNS = "id, name, role, prefix, secret_hash, created_at, last_used_at, revoked_at";

const toStoredApiKey = (r: ApiKeyRow): StoredApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  secretHash: r.secret_hash,
});

const toApiKey = (r: ApiKeyRow): ApiKey => {
  const { secretHash: _secretHash, ...key } = toStoredApiKey(r);
  return key;
};

/** last_used_at is written at most this often per key, so authenticating stays read-only most of the time. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiKey(
  db: Db,
  input: { name: string; role: Role },
  material: KeyMaterial,
  actor: Actor | null = null,
): Promise<CreatedApiKey> {
  const now = Date.now();
  // The key's id is its actor's: one batch is one transaction on one connection, so last_insert_rowid() is it.
  const actorRow = db.prepare(`INSERT INTO actors (kind) VALUES ('key')`);
  const insert = db
    .prepare(
      `INSERT INTO api_keys (id, name, role, prefix, secret_hash, created_at) VALUES (last_insert_rowid(), ?, ?, ?, ?, ?)
       RETURNING ${COLUMNS}`,
    )
    .bind(input.name, input.role, material.prefix, material.hash, now);
  // The new id is not known before the insert; the prefix names the key in the log, as in listings.
  const audit = actor
    ? [auditStatement(db, { actor, action: "key.create", at: now, detail: { prefix: material.prefix, name: input.name, role: input.role } })]
    : [];
  const [, inserted] = await db.batch<ApiKeyRow>([actorRow, insert, ...audit]);
  const row = inserted?.results[0];
  if (!row) throw new Error("api_keys insert returned no row");
  return { key: toApiKey(row), secret: material.key };
}

export async function getApiKey(db: Db, id: number): Promise<ApiKey | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).bind(id).first<ApiKeyRow>();
  return row ? toApiKey(row) : null;
}

/** Every key, revoked ones included (they explain old audit entries), oldest first. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM api_keys ORDER BY id`).all<ApiKeyRow>();
  return results.map(toApiKey);
}

/**
 * Revokes a key; revoking a revoked key changes nothing. Null when there is no such key. The last active
 * admin key is not revoked (the answer still shows it active): without it nobody could manage keys through
 * the API. The key CLI, which can always make another, may (`evenLastAdmin`): a leaked key must be stoppable.
 */
export async function revokeApiKey(db: Db, id: number, actor: Actor | null = null, { evenLastAdmin = false } = {}): Promise<ApiKey | null> {
  const current = await getApiKey(db, id);
  if (!current || current.revokedAt !== null) return current;
  const now = Date.now();
  const update = db
    .prepare(
      `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL
          AND (? OR role <> 'admin' OR (SELECT COUNT(*) FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL) > 1)
       RETURNING ${COLUMNS}`,
    )
    .bind(now, id, evenLastAdmin ? 1 : 0);
  // Audited only if this revoke happened (not refused as the last admin key, not beaten by another).
  const audit = actor
    ? [
        auditStatement(
          db,
          { actor, action: "key.revoke", at: now, detail: { id, prefix: current.prefix, name: current.name } },
          { exists: "SELECT 1 FROM api_keys WHERE id = ? AND revoked_at = ?", binds: [id, now] },
        ),
      ]
    : [];
  const [updated] = await db.batch<ApiKeyRow>([update, ...audit]);
  const row = updated?.results[0];
  // A concurrent revoke got there first: the key is revoked either way.
  return row ? toApiKey(row) : getApiKey(db, id);
}

/**
 * Gives an active key a new secret (and so a new prefix) in place: same id, name and role, so what the
 * key owns (an author's drafts) stays its own; the old secret stops working at once. Null when there is
 * no active key with that id, or another rotation of it won the race.
 */
export async function rotateApiKey(
  db: Db,
  id: number,
  material: KeyMaterial,
  actor: Actor | null = null,
): Promise<(CreatedApiKey & { previousPrefix: string }) | null> {
  const current = await getApiKey(db, id);
  if (!current || current.revokedAt !== null) return null;
  const now = Date.now();
  // The old secret is remembered before it is replaced, on the same condition, so both happen or neither.
  const retire = db
    .prepare(
      `INSERT INTO api_key_retired_secrets (secret_hash, key_id, retired_at)
       SELECT secret_hash, id, ? FROM api_keys WHERE id = ? AND revoked_at IS NULL AND prefix = ?`,
    )
    .bind(now, id, current.prefix);
  const update = db
    .prepare(
      `UPDATE api_keys SET prefix = ?, secret_hash = ?, last_used_at = NULL
        WHERE id = ? AND revoked_at IS NULL AND prefix = ?
       RETURNING ${COLUMNS}`,
    )
    .bind(material.prefix, material.hash, id, current.prefix);
  const audit = actor
    ? [
        auditStatement(
          db,
          { actor, action: "key.rotate", at: now, detail: { id, prefix: current.prefix, name: current.name, new_prefix: material.prefix } },
          { exists: "SELECT 1 FROM api_keys WHERE id = ? AND secret_hash = ?", binds: [id, material.hash] },
        ),
      ]
    : [];
  const [, updated] = await db.batch<ApiKeyRow>([retire, update, ...audit]);
  const row = updated?.results[0];
  return row ? { key: toApiKey(row), secret: material.key, previousPrefix: current.prefix } : null;
}

export type AuthLookup = {
  /** Failed authentications of this client in this window, this attempt's own included when it failed. */
  failures: number;
  /** Keys with the presented prefix, revoked ones included, for the constant-time comparison. */
  candidates: StoredApiKey[];
  /** The presented secret is one a key had before it was rotated. */
  rotated: boolean;
};

/**
 * Everything authentication needs, in one round trip that decides and counts on the same data: unless the
 * presented hash belongs to a key (active or revoked) or to a secret retired by rotation, this attempt is
 * counted as a failure of `client` in the window at once, in the same transaction that reads the count,
 * so however many guesses arrive together, each sees its own place in line. A matching active key's
 * last_used_at is written at most once a minute, and not while the client is locked out.
 */
export async function lookupForAuth(
  db: Db,
  q: { client: string; windowStart: number; maxFailures: number; hash: string | null; prefix: string | null; now: number },
): Promise<AuthLookup> {
  const known = `EXISTS (SELECT 1 FROM api_keys WHERE secret_hash = ?3) OR EXISTS (SELECT 1 FROM api_key_retired_secrets WHERE secret_hash = ?3)`;
  const failuresNow = `COALESCE((SELECT failures FROM auth_failures WHERE client = ?1 AND window_start = ?2), 0)`;
  const presented =
    q.hash === null
      ? []
      : [
          db.prepare(`DELETE FROM auth_failures WHERE client = ?1 AND window_start < ?2 AND NOT (${known})`).bind(q.client, q.windowStart, q.hash),
          db
            .prepare(
              `INSERT INTO auth_failures (client, window_start, failures) SELECT ?1, ?2, 1 WHERE NOT (${known})
               ON CONFLICT (client, window_start) DO UPDATE SET failures = failures + 1`,
            )
            .bind(q.client, q.windowStart, q.hash),
          db
            .prepare(
              `UPDATE api_keys SET last_used_at = ?4
                WHERE secret_hash = ?3 AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < ?4 - ?5)
                  AND ${failuresNow} < ?6`,
            )
            .bind(q.client, q.windowStart, q.hash, q.now, LAST_USED_RESOLUTION_MS, q.maxFailures),
        ];
  const results = await db.batch<unknown>([
    ...presented,
    db.prepare(`SELECT ${failuresNow} AS failures`).bind(q.client, q.windowStart),
    db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = ?`).bind(q.prefix ?? ""),
    db.prepare(`SELECT 1 AS found FROM api_key_retired_secrets WHERE secret_hash = ?`).bind(q.hash ?? ""),
  ]);
  const [count, keys, retired] = results.slice(presented.length);
  return {
    failures: rowsOf<{ failures: number }>(count)[0]?.failures ?? 0,
    candidates: rowsOf<ApiKeyRow>(keys).map(toStoredApiKey),
    rotated: rowsOf(retired).length > 0,
  };
}

/** Drops windows that ended before `before` (ms), for clients that never failed again. For the cron. */
export async function pruneAuthFailures(db: Db, before: number): Promise<void> {
  await db.prepare("DELETE FROM auth_failures WHERE window_start < ?").bind(before).run();
}
