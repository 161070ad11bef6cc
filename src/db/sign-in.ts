// A successful sign-in, in one batch: the attempt taken back off the failure counts, any session the
// browser held ended (a new token at every sign-in), the new session, the person's last sign-in (and a
// stronger password hash when theirs was made with fewer iterations), and the audit entry.
import type { Staff } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { auditStatement } from "./audit.ts";
import { type NewSession, endSessionByTokenStatement, insertSessionStatement } from "./sessions.ts";
import { uncountStatements } from "./sign-in-failures.ts";
import { personActor } from "./staff.ts";

export type SignInRecord = {
  staff: Staff;
  session: NewSession;
  /** The hash of the session token the browser sent along, if any: it ends now. */
  previousTokenHash: string | null;
  counted: { subjects: readonly string[]; windowStart: number };
  rehashed: string | null;
  /** Statements of the method's own, e.g. a passkey's new counter. */
  extra?: D1PreparedStatement[];
  now: number;
};

export async function recordSignIn(db: Db, r: SignInRecord): Promise<void> {
  await db.batch([
    ...uncountStatements(db, r.counted.subjects, r.counted.windowStart),
    ...(r.previousTokenHash ? [endSessionByTokenStatement(db, r.previousTokenHash, r.now)] : []),
    insertSessionStatement(db, r.session, { id: r.staff.id }, r.now),
    db
      .prepare(`UPDATE staff SET last_sign_in_at = ?, password_hash = COALESCE(?, password_hash) WHERE id = ?`)
      .bind(r.now, r.rehashed, r.staff.id),
    ...(r.extra ?? []),
    auditStatement(db, { actor: personActor(r.staff), action: "staff.sign_in", at: r.now, detail: { method: r.session.method } }),
  ]);
}
