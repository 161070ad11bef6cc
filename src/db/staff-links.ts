// One-time links: an invite (set a password, become active) or a reset (a new password after a forgotten
// one or a lost device). Only the token's SHA-256 is stored. Using one is a single batch whose first
// statement consumes the link on its conditions (unused, unexpired, person not disabled); everything else
// in the batch hangs on the session that statement let in, so a link works once however many try at once.
import type { LinkPurpose, Staff } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { type AuditActor, auditStatement } from "./audit.ts";
import { rowsOf } from "./handle.ts";
import { STAFF_COLUMNS, type StaffRow, prefixedStaffColumns, staffFromPrefixed, toStaff } from "./staff-row.ts";
import { type NewSession, insertSessionStatement } from "./sessions.ts";

export type NewLink = { tokenHash: string; purpose: LinkPurpose; expiresAt: number };

export type Link = { purpose: LinkPurpose; staffId: number; createdAt: number; expiresAt: number; usedAt: number | null };

type LinkRow = { purpose: LinkPurpose; staff_id: number; created_at: number; expires_at: number; used_at: number | null };

/** The insert of a link for the person with this id or login, for a batch. */
export function linkStatement(db: Db, link: NewLink, staff: { id: number } | { login: string }, createdBy: number | null, now: number) {
  const [column, value] = "id" in staff ? ["id", staff.id] : ["login", staff.login];
  return db
    .prepare(
      `INSERT INTO staff_links (token_hash, staff_id, purpose, created_by, created_at, expires_at)
       SELECT ?, id, ?, ?, ?, ? FROM staff WHERE ${column} = ?`,
    )
    .bind(link.tokenHash, link.purpose, createdBy, now, link.expiresAt, value);
}

/** The link with this token hash and its person, whatever its state (the caller says why it cannot be used). */
export async function findLink(db: Db, tokenHash: string): Promise<{ link: Link; staff: Staff } | null> {
  const row = await db
    .prepare(
      `SELECT l.purpose, l.staff_id, l.created_at, l.expires_at, l.used_at, ${prefixedStaffColumns("p", "p_")}
         FROM staff_links AS l JOIN staff AS p ON p.id = l.staff_id WHERE l.token_hash = ?`,
    )
    .bind(tokenHash)
    .first<LinkRow & Record<string, unknown>>();
  if (!row) return null;
  return {
    link: { purpose: row.purpose, staffId: row.staff_id, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at },
    staff: staffFromPrefixed(row, "p_"),
  };
}

/**
 * Uses a link: sets the password, makes an invited person active (a new version of the person, as an admin
 * sees them; a reset changes nothing an admin edits), ends every other session of the person
 * (after a reset, whoever held the old password or device is out), and starts the new session. Null when
 * the link could not be used (used, expired, person disabled), with nothing changed.
 */
export async function useLink(
  db: Db,
  q: {
    tokenHash: string;
    passwordHash: string;
    session: NewSession;
    /** The hash of the session token the browser sent along, if any. */
    previousTokenHash: string | null;
    audit: { actor: AuditActor; action: string };
    now: number;
  },
): Promise<Staff | null> {
  const { now, session } = q;
  const ours = "SELECT staff_id FROM sessions WHERE token_hash = ?";
  const [, , , updated] = await db.batch<unknown>([
    db
      .prepare(
        `UPDATE staff_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
           AND staff_id IN (SELECT id FROM staff WHERE state <> 'disabled')`,
      )
      .bind(now, q.tokenHash, now),
    // changes() is the consuming UPDATE's: the session exists only if this batch consumed the link.
    insertSessionStatement(db, session, { sql: "SELECT staff_id FROM staff_links WHERE token_hash = ? AND changes() = 1", binds: [q.tokenHash] }, now),
    db
      .prepare(`UPDATE sessions SET ended_at = ? WHERE staff_id = (${ours}) AND ended_at IS NULL AND token_hash <> ?`)
      .bind(now, session.tokenHash, session.tokenHash),
    db
      .prepare(
        `UPDATE staff SET password_hash = ?, state = CASE state WHEN 'invited' THEN 'active' ELSE state END,
                updated_at = ?, last_sign_in_at = ?, version = version + (state = 'invited')
          WHERE id = (${ours}) RETURNING ${STAFF_COLUMNS}`,
      )
      .bind(q.passwordHash, now, now, session.tokenHash),
    auditStatement(
      db,
      { actor: q.audit.actor, action: q.audit.action, at: now },
      { exists: "SELECT 1 FROM sessions WHERE token_hash = ?", binds: [session.tokenHash] },
    ),
    // The session the browser held before (whoever's) ends with the link's use, as at any sign-in.
    db
      .prepare(`UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL AND EXISTS (SELECT 1 FROM sessions WHERE token_hash = ?)`)
      .bind(now, q.previousTokenHash, session.tokenHash),
  ]);
  const row = rowsOf<StaffRow>(updated)[0];
  return row ? toStaff(row) : null;
}

/** Forgets links that expired or were used before `before`. For the cron. */
export async function pruneLinks(db: Db, before: number): Promise<void> {
  await db.prepare(`DELETE FROM staff_links WHERE expires_at < ?1 OR used_at < ?1`).bind(before).run();
}
