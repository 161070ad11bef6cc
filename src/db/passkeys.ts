// Passkeys: a person's WebAuthn credentials, several each, each named by its owner. The public key is kept
// as base64url text (what WebAuthn calls it, and what every D1 client can carry).
import { DomainError } from "../domain/errors.ts";
import type { Passkey, Staff } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { type AuditActor, auditStatement } from "./audit.ts";
import { rowsOf } from "./handle.ts";
import { prefixedStaffColumns, staffFromPrefixed } from "./staff-row.ts";

type PasskeyRow = {
  id: number;
  credential_id: string;
  staff_id: number;
  public_key: string;
  counter: number;
  transports: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
};

const COLUMNS = "id, credential_id, staff_id, public_key, counter, transports, name, created_at, last_used_at";

const toPasskey = (r: PasskeyRow): Passkey => ({
  id: r.id,
  credentialId: r.credential_id,
  staffId: r.staff_id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** What verifying an assertion needs besides the passkey itself. */
export type StoredPasskey = Passkey & { publicKey: string; counter: number; transports: string[] };

function transportsOf(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
}

const toStored = (r: PasskeyRow): StoredPasskey => ({ ...toPasskey(r), publicKey: r.public_key, counter: r.counter, transports: transportsOf(r.transports) });

/** A person's passkeys, oldest first, with what registering another must exclude. */
export async function listPasskeys(db: Db, staffId: number): Promise<StoredPasskey[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM passkeys WHERE staff_id = ? ORDER BY id`).bind(staffId).all<PasskeyRow>();
  return results.map(toStored);
}

export type NewPasskey = { credentialId: string; publicKey: string; counter: number; transports: string[]; name: string };

/** Adds a verified credential to a person, audited; passkey_taken if the credential is registered already. */
export async function addPasskey(db: Db, staffId: number, p: NewPasskey, actor: AuditActor, now: number): Promise<Passkey> {
  try {
    const [inserted] = await db.batch<PasskeyRow>([
      db
        .prepare(
          `INSERT INTO passkeys (credential_id, staff_id, public_key, counter, transports, name, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
        )
        .bind(p.credentialId, staffId, p.publicKey, p.counter, JSON.stringify(p.transports), p.name, now),
      auditStatement(db, { actor, action: "staff.passkey_add", at: now, detail: { name: p.name } }),
    ]);
    const row = inserted?.results[0];
    if (!row) throw new Error("passkey insert returned no row");
    return toPasskey(row);
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: passkeys\.credential_id/.test(err.message)) {
      throw new DomainError("passkey_taken", "This passkey is registered already");
    }
    throw err;
  }
}

export async function renamePasskey(db: Db, staffId: number, id: number, name: string): Promise<Passkey | null> {
  const row = await db
    .prepare(`UPDATE passkeys SET name = ? WHERE id = ? AND staff_id = ? RETURNING ${COLUMNS}`)
    .bind(name, id, staffId)
    .first<PasskeyRow>();
  return row ? toPasskey(row) : null;
}

/** Removes one of a person's passkeys, audited; false when they have none with this id. */
export async function removePasskey(db: Db, staffId: number, id: number, actor: AuditActor, now: number): Promise<boolean> {
  const [deleted] = await db.batch<{ name: string }>([
    db.prepare(`DELETE FROM passkeys WHERE id = ? AND staff_id = ? RETURNING name`).bind(id, staffId),
    // The row is gone by now: the entry is written when the delete changed something.
    auditStatement(db, { actor, action: "staff.passkey_remove", at: now, detail: { id } }, { exists: "SELECT 1 WHERE changes() > 0", binds: [] }),
  ]);
  return (deleted?.results.length ?? 0) > 0;
}

export type PasskeySignIn = { passkey: StoredPasskey; staff: Staff };

/** The passkey with this credential id and its person, for the sign-in's batch; read with passkeyForSignIn. */
export function passkeyForSignInStatement(db: Db, credentialId: string) {
  const passkeyColumns = COLUMNS.split(", ").map((c) => `k.${c}`).join(", ");
  return db
    .prepare(`SELECT ${passkeyColumns}, ${prefixedStaffColumns("s", "s_")} FROM passkeys AS k JOIN staff AS s ON s.id = k.staff_id WHERE k.credential_id = ?`)
    .bind(credentialId);
}

export function passkeyForSignIn(result: D1Result<unknown> | undefined): PasskeySignIn | null {
  const row = rowsOf<PasskeyRow & Record<string, unknown>>(result)[0];
  if (!row) return null;
  return { passkey: toStored(row), staff: staffFromPrefixed(row, "s_") };
}

/** Records a use: the authenticator's new signature counter, and when. For the sign-in batch. */
export const usePasskeyStatement = (db: Db, id: number, counter: number, now: number) =>
  db.prepare(`UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?`).bind(counter, now, id);
