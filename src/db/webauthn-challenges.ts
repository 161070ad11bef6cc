// WebAuthn challenges: random values a browser's authenticator signs, each good for one ceremony until it
// expires. Consumed by deleting it: of two requests presenting the same challenge, one finds it.
import type { Db } from "../domain/db.ts";

export type ChallengePurpose = "authenticate" | "register";

/**
 * Stores a new challenge and, in the same batch, forgets every expired one: anyone may ask for a sign-in
 * challenge, so the table holds at most what was asked within one lifetime, not everything since the cron.
 */
export async function storeChallenge(
  db: Db,
  c: { challenge: string; purpose: ChallengePurpose; staffId: number | null; expiresAt: number; now: number },
): Promise<void> {
  await db.batch([
    pruneChallengesStatement(db, c.now),
    db
      .prepare(`INSERT INTO webauthn_challenges (challenge, purpose, staff_id, expires_at) VALUES (?, ?, ?, ?)`)
      .bind(c.challenge, c.purpose, c.staffId, c.expiresAt),
  ]);
}

/**
 * Uses up the challenge if it is live and was issued for this purpose (and person), for a batch: the
 * statement returns a row exactly when it did.
 */
export const consumeChallengeStatement = (db: Db, c: { challenge: string; purpose: ChallengePurpose; staffId: number | null; now: number }) =>
  db
    .prepare(`DELETE FROM webauthn_challenges WHERE challenge = ? AND purpose = ? AND staff_id IS ? AND expires_at > ? RETURNING challenge`)
    .bind(c.challenge, c.purpose, c.staffId, c.now);

/** Uses up the challenge (see consumeChallengeStatement); whether it was live. */
export async function consumeChallenge(db: Db, c: { challenge: string; purpose: ChallengePurpose; staffId: number | null; now: number }): Promise<boolean> {
  return (await consumeChallengeStatement(db, c).first()) !== null;
}

const pruneChallengesStatement = (db: Db, now: number) => db.prepare(`DELETE FROM webauthn_challenges WHERE expires_at < ?`).bind(now);

/** Forgets challenges nobody answered. For the cron. */
export async function pruneChallenges(db: Db, now: number): Promise<void> {
  await pruneChallengesStatement(db, now).run();
}
