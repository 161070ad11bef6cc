// Key changes as literal SQL for the key CLI, which reaches D1 only through `wrangler d1 execute --command`:
// that takes no bind parameters, so every value goes through sqlLiteral(). Each change is one list of
// statements, which wrangler runs as one batch (all or nothing), with its audit entry written only if
// the change happened. Same columns and audit actions as src/db/keys.ts.
import type { KeyMaterial } from "../domain/api-key.ts";
import type { Role } from "../domain/role.ts";
import type { AuditActor as Actor } from "./audit.ts";

const KEY_COLUMNS = "id, name, role, prefix, secret_hash, created_at, last_used_at, revoked_at";

/** A SQL literal: strings in single quotes with quotes doubled (SQLite has no backslash escapes). */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (value.includes("\0")) throw new Error("NUL in a SQL string");
  return `'${value.replaceAll("'", "''")}'`;
}

const json = (detail: Record<string, unknown>) => sqlLiteral(JSON.stringify(detail));

export function createKeySql(input: { name: string; role: Role }, material: KeyMaterial, at: number, actor: Actor): string[] {
  return [
    // The key's id is its actor's (migrations/0010_people.sql): both in the one batch wrangler runs.
    `INSERT INTO actors (kind) VALUES ('key')`,
    `INSERT INTO api_keys (id, name, role, prefix, secret_hash, created_at)
     VALUES (last_insert_rowid(), ${sqlLiteral(input.name)}, ${sqlLiteral(input.role)}, ${sqlLiteral(material.prefix)}, ${sqlLiteral(material.hash)}, ${at})
     RETURNING ${KEY_COLUMNS}`,
    `INSERT INTO audit_log (at, key_id, key_name, action, detail)
     VALUES (${at}, ${sqlLiteral(actor.id)}, ${sqlLiteral(actor.name)}, 'key.create',
             ${json({ prefix: material.prefix, name: input.name, role: input.role })})`,
  ];
}

export const listKeysSql = (): string[] => [`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`];

/** The key with this id, or the unrevoked keys with this prefix (usually one). */
export function findKeySql(target: { id: number } | { prefix: string }): string[] {
  const where = "id" in target ? `id = ${sqlLiteral(target.id)}` : `prefix = ${sqlLiteral(target.prefix)} AND revoked_at IS NULL`;
  return [`SELECT ${KEY_COLUMNS} FROM api_keys WHERE ${where} ORDER BY id`];
}

/** Returns the revoked row, or no row when the key was already revoked (or does not exist). */
export function revokeKeySql(id: number, at: number, actor: Actor): string[] {
  return [
    `UPDATE api_keys SET revoked_at = ${at} WHERE id = ${sqlLiteral(id)} AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}`,
    `INSERT INTO audit_log (at, key_id, key_name, action, detail)
     SELECT ${at}, ${sqlLiteral(actor.id)}, ${sqlLiteral(actor.name)}, 'key.revoke', json_object('id', id, 'prefix', prefix, 'name', name)
     FROM api_keys WHERE id = ${sqlLiteral(id)} AND revoked_at = ${at}`,
  ];
}

/**
 * A new secret (and prefix) for an active key, in place: same id, name and role, as the API rotates.
 * The first statement returns the updated row, or none when the key was not active: then nothing changes.
 */
export function rotateKeySql(
  key: { id: number; prefix: string },
  material: KeyMaterial,
  at: number,
  actor: Actor,
): string[] {
  const hash = sqlLiteral(material.hash);
  return [
    // The old secret is remembered on the same condition as the rotation, as the API does (src/db/keys.ts).
    `INSERT INTO api_key_retired_secrets (secret_hash, key_id, retired_at)
     SELECT secret_hash, id, ${at} FROM api_keys
      WHERE id = ${sqlLiteral(key.id)} AND revoked_at IS NULL AND prefix = ${sqlLiteral(key.prefix)}`,
    // Only from the prefix the operator saw: of two rotations at once, one wins and the other changes nothing.
    `UPDATE api_keys SET prefix = ${sqlLiteral(material.prefix)}, secret_hash = ${hash}, last_used_at = NULL
     WHERE id = ${sqlLiteral(key.id)} AND revoked_at IS NULL AND prefix = ${sqlLiteral(key.prefix)}
     RETURNING ${KEY_COLUMNS}`,
    `INSERT INTO audit_log (at, key_id, key_name, action, detail)
     SELECT ${at}, ${sqlLiteral(actor.id)}, ${sqlLiteral(actor.name)}, 'key.rotate',
            json_object('id', id, 'prefix', ${sqlLiteral(key.prefix)}, 'name', name, 'new_prefix', prefix)
     FROM api_keys WHERE id = ${sqlLiteral(key.id)} AND secret_hash = ${hash}`,
  ];
}
