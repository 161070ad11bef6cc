// Desk sessions: one row per signed-in browser, found by the SHA-256 of its cookie's token. A session is
// live while it has not ended, is younger than its absolute expiry and was seen within the idle timeout,
// and its person is active: every lookup checks all four, so disabling someone applies at once.
import type { Session, SignInMethod, Staff } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { prefixedStaffColumns, staffFromPrefixed } from "./staff-row.ts";

type SessionRow = {
  id: number;
  staff_id: number;
  method: SignInMethod;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string;
};

const COLUMNS = "id, staff_id, method, created_at, last_seen_at, expires_at, user_agent";

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  staffId: r.staff_id,
  method: r.method,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  userAgent: r.user_agent,
});

/** last_seen_at is written at most this often per session, so most requests only read (as keys' last_used_at). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A User-Agent is shown to the person to tell their sessions apart; no more of it than that needs. */
const USER_AGENT_CHARS = 300;

export type NewSession = { tokenHash: string; method: SignInMethod; expiresAt: number; userAgent: string };

/** The insert of a session for `staffId` (a number, or SQL naming it, e.g. a subquery), for a batch. */
export function insertSessionStatement(db: Db, s: NewSession, staff: { id: number } | { sql: string; binds: (string | number)[] }, now: number) {
  const userAgent = s.userAgent.slice(0, USER_AGENT_CHARS);
  const insert = `INSERT INTO sessions (token_hash, staff_id, method, created_at, last_seen_at, expires_at, user_agent)`;
  if ("id" in staff) {
    return db.prepare(`${insert} VALUES (?, ?, ?, ?, ?, ?, ?)`).bind(s.tokenHash, staff.id, s.method, now, now, s.expiresAt, userAgent);
  }
  return db
    .prepare(`${insert} SELECT ?, staff_id, ?, ?, ?, ?, ? FROM (${staff.sql})`)
    .bind(s.tokenHash, s.method, now, now, s.expiresAt, userAgent, ...staff.binds);
}

/** Ends every live session of a person, optionally only if `onlyIf` (an EXISTS subquery) holds, for a batch. */
export function endSessionsStatement(db: Db, staffId: number, now: number, onlyIf?: { exists: string; binds: (string | number)[] }) {
  const sql = `UPDATE sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL`;
  if (!onlyIf) return db.prepare(sql).bind(now, staffId);
  return db.prepare(`${sql} AND EXISTS (${onlyIf.exists})`).bind(now, staffId, ...onlyIf.binds);
}

/** Ends the session with this token, if it is live (signing out, or signing in again over it), for a batch. */
export const endSessionByTokenStatement = (db: Db, tokenHash: string, now: number) =>
  db.prepare(`UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL`).bind(now, tokenHash);

/** Signs a person out everywhere (they asked to). */
export async function endAllSessions(db: Db, staffId: number, now: number): Promise<void> {
  await endSessionsStatement(db, staffId, now).run();
}

export async function endSessionByToken(db: Db, tokenHash: string, now: number): Promise<void> {
  await endSessionByTokenStatement(db, tokenHash, now).run();
}

/** The live-session condition on a row aliased `s`: ?now and ?idle are bound by the caller. */
const LIVE = `s.ended_at IS NULL AND s.expires_at > ?2 AND s.last_seen_at > ?2 - ?3`;

export type SessionLookup = { session: Session; staff: Staff };

/**
 * The live session with this token and its active person, in one round trip, noting that it was seen
 * (at most once a minute). Null for anything else: unknown, ended, expired, idle too long, person not active.
 */
export async function lookupSession(db: Db, q: { tokenHash: string; now: number; idleMs: number }): Promise<SessionLookup | null> {
  const [, found] = await db.batch<unknown>([
    db
      .prepare(`UPDATE sessions AS s SET last_seen_at = ?2 WHERE s.token_hash = ?1 AND ${LIVE} AND s.last_seen_at < ?2 - ?4`)
      .bind(q.tokenHash, q.now, q.idleMs, LAST_SEEN_RESOLUTION_MS),
    db
      .prepare(
        `SELECT ${COLUMNS.split(", ").map((c) => `s.${c}`).join(", ")}, ${prefixedStaffColumns("p", "p_")}
           FROM sessions AS s JOIN staff AS p ON p.id = s.staff_id
          WHERE s.token_hash = ?1 AND ${LIVE} AND p.state = 'active'`,
      )
      .bind(q.tokenHash, q.now, q.idleMs),
  ]);
  const row = rowsOf<SessionRow & Record<string, unknown>>(found)[0];
  if (!row) return null;
  return { session: toSession(row), staff: staffFromPrefixed(row, "p_") };
}

/** A person's live sessions, newest first. */
export async function listSessions(db: Db, staffId: number, now: number, idleMs: number): Promise<Session[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM sessions AS s WHERE s.staff_id = ?1 AND ${LIVE} ORDER BY s.id DESC`)
    .bind(staffId, now, idleMs)
    .all<SessionRow>();
  return results.map(toSession);
}

/** Ends one of a person's sessions by its handle; false when they have no such live session. */
export async function endSession(db: Db, staffId: number, id: number, now: number): Promise<boolean> {
  const row = await db
    .prepare(`UPDATE sessions SET ended_at = ? WHERE id = ? AND staff_id = ? AND ended_at IS NULL RETURNING id`)
    .bind(now, id, staffId)
    .first();
  return row !== null;
}

/** Forgets sessions that ended or expired before `before`: nothing lists them any more. For the cron. */
export async function pruneSessions(db: Db, before: number): Promise<void> {
  await db.prepare(`DELETE FROM sessions WHERE expires_at < ?1 OR ended_at < ?1`).bind(before).run();
}
