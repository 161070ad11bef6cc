// Staff accounts: people, made with their invite link, changed by admins. A person's id is their actor's
// (migrations/0010_people.sql): the actor row and the person go in one batch.
import type { Role } from "../domain/role.ts";
import { DomainError } from "../domain/errors.ts";
import type { Staff, StaffState } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { type AuditActor, auditStatement } from "./audit.ts";
import { rowsOf } from "./handle.ts";
import { STAFF_COLUMNS, type StaffRow, toStaff } from "./staff-row.ts";
import { type NewLink, linkStatement } from "./staff-links.ts";
import { type NewSession, endSessionsStatement, insertSessionStatement } from "./sessions.ts";

/** A person with what only sign-in and the admins' rules need: whether they can sign in at all. */
export type StaffRecord = { staff: Staff; passwordHash: string | null; passkeys: number };

/** The audit log names a person by their display name (as revisions do); their id tells namesakes apart. */
export const personActor = (s: Pick<Staff, "id" | "displayName">): AuditActor => ({ id: s.id, name: s.displayName });

/** A UNIQUE failure on a staff column as the domain's conflict; anything else as it was. */
function staffConflict(err: unknown): unknown {
  const message = err instanceof Error ? err.message : "";
  if (/UNIQUE constraint failed: staff\.login/.test(message)) return new DomainError("login_taken", "Someone already has this login");
  if (/UNIQUE constraint failed: staff\.email/.test(message)) return new DomainError("email_taken", "Someone already has this email address");
  return err;
}

export type NewStaff = { login: string; displayName: string; role: Role; email: string | null };

/**
 * Makes an invited person and their invite link, audited, in one batch. Throws login_taken or email_taken.
 * `active` makes them active at once instead (Cloudflare Access vouches for them: they need no link).
 */
export async function createStaff(
  db: Db,
  input: NewStaff,
  link: Omit<NewLink, "purpose"> | null,
  actor: AuditActor,
  now: number,
): Promise<Staff> {
  const statements = [
    db.prepare(`INSERT INTO actors (kind) VALUES ('staff')`),
    // One batch is one transaction on one connection: last_insert_rowid() is the actor just made.
    db
      .prepare(
        `INSERT INTO staff (id, login, display_name, email, role, state, created_at, updated_at)
         VALUES (last_insert_rowid(), ?, ?, ?, ?, ?, ?, ?) RETURNING ${STAFF_COLUMNS}`,
      )
      .bind(input.login, input.displayName, input.email, input.role, link ? "invited" : "active", now, now),
    ...(link ? [linkStatement(db, { ...link, purpose: "invite" }, { login: input.login }, actor.id, now)] : []),
    auditStatement(db, {
      actor,
      action: "staff.invite",
      at: now,
      detail: { login: input.login, display_name: input.displayName, role: input.role, email: input.email },
    }),
  ];
  let results: D1Result<unknown>[];
  try {
    results = await db.batch<unknown>(statements);
  } catch (err) {
    throw staffConflict(err);
  }
  const row = rowsOf<StaffRow>(results[1])[0];
  if (!row) throw new Error("staff insert returned no row");
  return toStaff(row);
}

const RECORD = `SELECT ${STAFF_COLUMNS}, (SELECT COUNT(*) FROM passkeys WHERE staff_id = staff.id) AS passkeys FROM staff`;

const toRecord = (r: StaffRow & { passkeys: number }): StaffRecord => ({ staff: toStaff(r), passwordHash: r.password_hash, passkeys: r.passkeys });

export async function getStaffRecord(db: Db, id: number): Promise<StaffRecord | null> {
  const row = await db.prepare(`${RECORD} WHERE id = ?`).bind(id).first<StaffRow & { passkeys: number }>();
  return row ? toRecord(row) : null;
}

export async function getStaff(db: Db, id: number): Promise<Staff | null> {
  return (await getStaffRecord(db, id))?.staff ?? null;
}

/** By login, whatever its case (the column is COLLATE NOCASE). */
export async function findStaffByLogin(db: Db, login: string): Promise<StaffRecord | null> {
  const row = await db.prepare(`${RECORD} WHERE login = ?`).bind(login).first<StaffRow & { passkeys: number }>();
  return row ? toRecord(row) : null;
}

/** The active person with this (lower-case) email: who Cloudflare Access's identity is here. */
export async function findActiveStaffByEmail(db: Db, email: string): Promise<Staff | null> {
  const row = await db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE email = ? AND state = 'active'`).bind(email).first<StaffRow>();
  return row ? toStaff(row) : null;
}

/** The statement looking a person up by login, for a batch (sign-in). */
export const staffByLoginStatement = (db: Db, login: string) => db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE login = ?`).bind(login);

/** People by id, optionally of one state or role, from just after `afterId`. */
export async function listStaff(db: Db, q: { state?: StaffState; role?: Role; afterId: number; limit: number }): Promise<Staff[]> {
  const where = ["id > ?"];
  const binds: (string | number)[] = [q.afterId];
  if (q.state) {
    where.push("state = ?");
    binds.push(q.state);
  }
  if (q.role) {
    where.push("role = ?");
    binds.push(q.role);
  }
  const { results } = await db
    .prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`)
    .bind(...binds, q.limit)
    .all<StaffRow>();
  return results.map(toStaff);
}

export type StaffChange = { displayName: string; role: Role; email: string | null; state: StaffState };

export type StaffUpdate =
  | { kind: "updated"; staff: Staff }
  | { kind: "last_admin" }
  | { kind: "changed_meanwhile" };

/**
 * Writes an admin's change to `before` (as loaded, at its version), audited. A new role or a disabled
 * state ends every session of the person in the same batch, so it applies from their very next request;
 * disabling also retires their unused links. The last active admin is never demoted or disabled: the
 * condition is in the UPDATE itself, so two admins demoting each other at once cannot both succeed.
 */
export async function updateStaff(db: Db, before: Staff, next: StaffChange, actor: AuditActor, now: number): Promise<StaffUpdate> {
  const losesAdmin = before.role === "admin" && before.state === "active" && (next.role !== "admin" || next.state !== "active");
  const endsSessions = next.role !== before.role || next.state !== "active";
  const version = before.version + 1;
  const changed = { exists: "SELECT 1 FROM staff WHERE id = ? AND version = ?", binds: [before.id, version] };
  const fields = Object.fromEntries(
    (["displayName", "role", "email", "state"] as const).filter((f) => next[f] !== before[f]).map((f) => [f, next[f]]),
  );
  const statements = [
    db
      .prepare(
        `UPDATE staff SET display_name = ?, role = ?, email = ?, state = ?, updated_at = ?, version = version + 1
          WHERE id = ? AND version = ?
            AND (NOT ? OR (SELECT COUNT(*) FROM staff WHERE role = 'admin' AND state = 'active' AND id <> ?) > 0)
         RETURNING ${STAFF_COLUMNS}`,
      )
      .bind(next.displayName, next.role, next.email, next.state, now, before.id, before.version, losesAdmin ? 1 : 0, before.id),
    ...(endsSessions ? [endSessionsStatement(db, before.id, now, changed)] : []),
    ...(next.state === "disabled"
      ? [
          db
            .prepare(
              `UPDATE staff_links SET expires_at = ? WHERE staff_id = ? AND used_at IS NULL AND expires_at > ?
                 AND EXISTS (${changed.exists})`,
            )
            .bind(now, before.id, now, ...changed.binds),
        ]
      : []),
    auditStatement(db, { actor, action: "staff.update", at: now, detail: { id: before.id, login: before.login, ...fields } }, changed),
  ];
  let results: D1Result<unknown>[];
  try {
    results = await db.batch<unknown>(statements);
  } catch (err) {
    throw staffConflict(err);
  }
  const row = rowsOf<StaffRow>(results[0])[0];
  if (row) return { kind: "updated", staff: toStaff(row) };
  const now2 = await getStaff(db, before.id);
  return now2 && now2.version === before.version && losesAdmin ? { kind: "last_admin" } : { kind: "changed_meanwhile" };
}

/** A new one-time link for a person, replacing (expiring) any earlier unused one, audited. */
export async function issueLink(db: Db, staff: Staff, link: NewLink, actor: AuditActor, now: number): Promise<void> {
  await db.batch([
    db
      .prepare(`UPDATE staff_links SET expires_at = ? WHERE staff_id = ? AND used_at IS NULL AND expires_at > ?`)
      .bind(now, staff.id, now),
    linkStatement(db, link, { id: staff.id }, actor.id, now),
    auditStatement(db, { actor, action: `staff.${link.purpose}_link`, at: now, detail: { id: staff.id, login: staff.login } }),
  ]);
}

/**
 * The person's new password, every session of theirs ended and a new one started in its place (the
 * session that asked is rotated, not kept), audited, in one batch.
 */
export async function changePassword(
  db: Db,
  staff: Staff,
  change: { passwordHash: string; session: NewSession; extra: D1PreparedStatement[] },
  now: number,
): Promise<void> {
  const { passwordHash, session } = change;
  await db.batch([
    ...change.extra,
    db.prepare(`UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?`).bind(passwordHash, now, staff.id),
    endSessionsStatement(db, staff.id, now),
    insertSessionStatement(db, session, { id: staff.id }, now),
    auditStatement(db, { actor: personActor(staff), action: "staff.password_change", at: now, detail: { id: staff.id } }),
  ]);
}

/** Signs a person out everywhere, on an admin's word (a lost laptop), audited. */
export async function endStaffSessions(db: Db, staff: Staff, actor: AuditActor, now: number): Promise<void> {
  await db.batch([
    endSessionsStatement(db, staff.id, now),
    auditStatement(db, { actor, action: "staff.sessions_end", at: now, detail: { id: staff.id, login: staff.login } }),
  ]);
}
