// API keys and failed-authentication counts. Only a key's SHA-256 is stored, never the key itself.
import type { KeyMaterial } from "../auth/keys.ts";
import type { Role } from "../auth/roles.ts";
import { type Actor, auditStatement } from "./audit.ts";

export type ApiKey = {
  id: number;
  name: string;
  role: Role;
  /** The 8 characters after `mh_`, shown in listings so people can tell keys apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

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

export const toApiKey = (r: ApiKeyRow): ApiKey => {
  const { secretHash: _secretHash, ...key } = toStoredApiKey(r);
  return key;
};

/** last_used_at is written at most this often per key, so authenticating stays read-only most of the time. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiKey(
  db: D1Database,
  input: { name: string; role: Role },
  material: KeyMaterial,
  actor: Actor | null = null,
): Promise<CreatedApiKey> {
  const now = Date.now();
  const insert = db
    .prepare(
      `INSERT INTO api_keys (name, role, prefix, secret_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .bind(input.name, input.role, material.prefix, material.hash, now);
  // The new id is not known before the insert; the prefix names the key in the log, as in listings.
  const audit = actor
    ? [auditStatement(db, { actor, action: "key.create", at: now, detail: { prefix: material.prefix, name: input.name, role: input.role } })]
    : [];
  const [inserted] = await db.batch<ApiKeyRow>([insert, ...audit]);
  const row = inserted?.results[0];
  if (!row) throw new Error("api_keys insert returned no row");
  return { key: toApiKey(row), secret: material.key };
}

export async function getApiKey(db: D1Database, id: number): Promise<ApiKey | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).bind(id).first<ApiKeyRow>();
  return row ? toApiKey(row) : null;
}

/**
 * Every key with this prefix, revoked ones included (so a revoked key can be told from a guess). Usually
 * one; a list because prefixes are 40 random bits, not unique, and a collision must not lock a key out.
 */
export async function findKeysByPrefix(db: D1Database, prefix: string): Promise<StoredApiKey[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = ?`)
    .bind(prefix)
    .all<ApiKeyRow>();
  return results.map(toStoredApiKey);
}

/** Every key, revoked ones included (they explain old audit entries), oldest first. */
export async function listApiKeys(db: D1Database): Promise<ApiKey[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM api_keys ORDER BY id`).all<ApiKeyRow>();
  return results.map(toApiKey);
}

/**
 * Revokes a key; revoking a revoked key changes nothing. Null when there is no such key. The last active
 * admin key is never revoked here (the answer still shows it active): without it nobody could manage
 * keys through the API, and only the key CLI could recover.
 */
export async function revokeApiKey(db: D1Database, id: number, actor: Actor | null = null): Promise<ApiKey | null> {
  const current = await getApiKey(db, id);
  if (!current || current.revokedAt !== null) return current;
  const now = Date.now();
  const update = db
    .prepare(
      `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL
          AND (role <> 'admin' OR (SELECT COUNT(*) FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL) > 1)
       RETURNING ${COLUMNS}`,
    )
    .bind(now, id);
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
  db: D1Database,
  id: number,
  material: KeyMaterial,
  actor: Actor | null = null,
): Promise<(CreatedApiKey & { previousPrefix: string }) | null> {
  const current = await getApiKey(db, id);
  if (!current || current.revokedAt !== null) return null;
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
          { actor, action: "key.rotate", detail: { id, prefix: current.prefix, name: current.name, new_prefix: material.prefix } },
          { exists: "SELECT 1 FROM api_keys WHERE id = ? AND secret_hash = ?", binds: [id, material.hash] },
        ),
      ]
    : [];
  const [updated] = await db.batch<ApiKeyRow>([update, ...audit]);
  const row = updated?.results[0];
  return row ? { key: toApiKey(row), secret: material.key, previousPrefix: current.prefix } : null;
}

/** Records that a key was used; a no-op when it was already recorded within the last minute. */
export async function touchLastUsed(db: D1Database, key: ApiKey, now = Date.now()): Promise<void> {
  if (key.lastUsedAt !== null && now - key.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
  await db
    .prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
    .bind(now, key.id, now - LAST_USED_RESOLUTION_MS)
    .run();
}

/** Failed authentications by `client` in the window starting at `windowStart` (ms). */
export async function authFailureState(db: D1Database, client: string, windowStart: number): Promise<number> {
  const row = await db
    .prepare("SELECT failures FROM auth_failures WHERE client = ? AND window_start = ?")
    .bind(client, windowStart)
    .first<{ failures: number }>();
  return row?.failures ?? 0;
}

/**
 * Counts one failed authentication and returns the client's count in this window. Drops the client's
 * earlier windows in the same batch, so a client keeps at most one row.
 */
export async function recordAuthFailure(db: D1Database, client: string, windowStart: number): Promise<number> {
  const [, counted] = await db.batch<{ failures: number }>([
    db.prepare("DELETE FROM auth_failures WHERE client = ? AND window_start < ?").bind(client, windowStart),
    db
      .prepare(
        `INSERT INTO auth_failures (client, window_start, failures) VALUES (?, ?, 1)
         ON CONFLICT (client, window_start) DO UPDATE SET failures = failures + 1
         RETURNING failures`,
      )
      .bind(client, windowStart),
  ]);
  return counted?.results[0]?.failures ?? 1;
}

/** Drops windows that ended before `before` (ms), for clients that never failed again. For the cron. */
export async function pruneAuthFailures(db: D1Database, before: number): Promise<void> {
  await db.prepare("DELETE FROM auth_failures WHERE window_start < ?").bind(before).run();
}
