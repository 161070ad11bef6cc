// Signing in, whichever way: with a password, with a passkey, or by using an invite or reset link. Each
// counts the attempt first (per account and per client, src/db/sign-in-failures.ts), refuses a locked
// account or client with when to retry, checks, and on success records the new session in one batch.
// Every refusal that could tell an attacker something says the same thing: a wrong password, an unknown
// login, a disabled or never-activated account all answer `invalid_credentials`, after the same work.
import { DomainError } from "../domain/errors.ts";
import type { SignInMethod, Staff } from "../domain/staff.ts";
import type { Db } from "../domain/db.ts";
import { toRfc3339 } from "../content/dates.ts";
import { countAttempt, uncountStatements } from "../db/sign-in-failures.ts";
import { recordSignIn } from "../db/sign-in.ts";
import { changePassword, staffByLoginStatement } from "../db/staff.ts";
import { type StaffRow, toStaff } from "../db/staff-row.ts";
import { rowsOf } from "../db/handle.ts";
import { consumeChallengeStatement } from "../db/webauthn-challenges.ts";
import { passkeyForSignIn, passkeyForSignInStatement, usePasskeyStatement } from "../db/passkeys.ts";
import { findLink, useLink } from "../db/staff-links.ts";
import type { SignInConfig } from "../config.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";
import { hashToken, newToken } from "./tokens.ts";
import { type AuthenticationResponse, type RelyingParty, challengeOf, verifyAuthentication } from "./webauthn.ts";
import type * as v from "valibot";

/** Who is asking: their address (CF-Connecting-IP), their browser, and the session token it sent, if any. */
export type Client = { address: string; userAgent: string; sessionToken: string | null };

/** A new session: its token goes to the browser in the cookie, once. */
export type Started = { staff: Staff; token: string; method: SignInMethod; createdAt: number; expiresAt: number };

const invalid = () => new DomainError("invalid_credentials", "登录名或密码错误 / The login or password is wrong");

const accountSubject = (login: string) => `account:${login.toLowerCase()}`;
const clientSubject = (address: string) => `client:${address}`;

function windowOf(config: SignInConfig, now: number) {
  const start = now - (now % config.limits.windowMs);
  return { start, end: start + config.limits.windowMs };
}

/** 429 with when to retry, the same whether the account exists or not. */
function locked(end: number, now: number, what: "account" | "client") {
  const retryAfter = Math.max(1, Math.ceil((end - now) / 1000));
  const who = what === "account" ? "this account" : "this network address";
  return new DomainError("too_many_failures", `Too many failed sign-ins for ${who}; try again after ${toRfc3339(end)}`, {
    retry_after: retryAfter,
    retry_at: toRfc3339(end),
  });
}

/**
 * 429 when this attempt's place in line is past the account's or the client's limit. A refused attempt checks
 * nothing, so it is taken back off both counts: a client locked out cannot go on using up an account's
 * attempts, nor the other way round. `failures` is [account, client], 0 where there is no account.
 */
async function refuseIfLocked(db: Db, config: SignInConfig, subjects: readonly string[], failures: number[], window: { start: number; end: number }, now: number) {
  const [account = 0, client = 0] = failures;
  const over = account > config.limits.accountMaxFailures ? "account" : client > config.limits.clientMaxFailures ? "client" : null;
  if (over === null) return;
  await db.batch(uncountStatements(db, subjects, window.start));
  throw locked(window.end, now, over);
}

async function newSession(config: SignInConfig, client: Client, method: SignInMethod, now: number) {
  const { token, hash } = await newToken();
  const expiresAt = now + config.session.maxMs;
  return { token, session: { tokenHash: hash, method, expiresAt, userAgent: client.userAgent } };
}

const previousHash = async (client: Client) => (client.sessionToken ? hashToken(client.sessionToken) : null);

export async function signInWithPassword(
  db: Db,
  config: SignInConfig,
  q: { login: string; password: string; client: Client; now: number },
): Promise<Started> {
  const { now, client } = q;
  const window = windowOf(config, now);
  const subjects = [accountSubject(q.login), clientSubject(client.address)];
  const counted = await countAttempt(db, subjects, window.start, [staffByLoginStatement(db, q.login)]);
  await refuseIfLocked(db, config, subjects, counted.failures, window, now);
  const row = rowsOf<StaffRow>(counted.lookups[0])[0];
  // Hashed whatever the account: no account and no password cost the same as a wrong password.
  const check = await verifyPassword(q.password, row?.password_hash ?? null);
  if (!row || !check.ok || row.state !== "active") throw invalid();
  const staff = toStaff(row);
  const { token, session } = await newSession(config, client, "password", now);
  await recordSignIn(db, {
    staff,
    session,
    previousTokenHash: await previousHash(client),
    counted: { subjects, windowStart: window.start },
    rehashed: check.needsRehash ? await hashPassword(q.password) : null,
    now,
  });
  return { staff, token, method: "password", createdAt: now, expiresAt: session.expiresAt };
}

export async function signInWithPasskey(
  db: Db,
  config: SignInConfig,
  rp: RelyingParty,
  q: { response: v.InferOutput<typeof AuthenticationResponse>; client: Client; now: number },
): Promise<Started> {
  const { now, client } = q;
  const window = windowOf(config, now);
  // No login is given (discoverable credentials): only the client's attempts are counted.
  const subjects = [clientSubject(client.address)];
  const challenge = challengeOf(q.response.response.clientDataJSON);
  const counted = await countAttempt(db, subjects, window.start, [
    consumeChallengeStatement(db, { challenge: challenge ?? "", purpose: "authenticate", staffId: null, now }),
    passkeyForSignInStatement(db, q.response.id),
  ]);
  await refuseIfLocked(db, config, subjects, [0, ...counted.failures], window, now);
  const found = passkeyForSignIn(counted.lookups[1]);
  if (challenge === null || rowsOf(counted.lookups[0]).length === 0 || !found) throw invalid();
  const counter = await verifyAuthentication(rp, q.response, challenge, found.passkey);
  if (counter === null || found.staff.state !== "active") throw invalid();
  const { token, session } = await newSession(config, client, "passkey", now);
  await recordSignIn(db, {
    staff: found.staff,
    session,
    previousTokenHash: await previousHash(client),
    counted: { subjects, windowStart: window.start },
    rehashed: null,
    extra: [usePasskeyStatement(db, found.passkey.id, counter, now)],
    now,
  });
  return { staff: found.staff, token, method: "passkey", createdAt: now, expiresAt: session.expiresAt };
}

/** A link's state as a person opening it should hear it: unknown, used, expired, or usable (its link and person). */
export async function inspectLink(db: Db, token: string, now: number) {
  const found = await findLink(db, await hashToken(token));
  if (!found) throw new DomainError("link_unknown", "链接无效 / This link is not valid; ask an admin for a new one");
  if (found.link.usedAt !== null) throw new DomainError("link_used", "链接已使用 / This link was used already; ask an admin for a new one");
  if (found.link.expiresAt <= now || found.staff.state === "disabled") {
    throw new DomainError("link_expired", "链接已过期 / This link has expired; ask an admin for a new one");
  }
  return found;
}

/** 422 naming the rule a new password breaks. */
function checkNewPassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError("weak_password", `The password ${problem}`, { details: [{ path: field, message: problem }] });
}

/**
 * Uses an invite or reset link: sets the password, activates an invited person, ends every other session of
 * theirs and signs them in. The link is checked before the password is hashed, so a bad link costs no hashing.
 */
export async function completeLink(
  db: Db,
  config: SignInConfig,
  q: { token: string; password: string; client: Client; now: number },
): Promise<Started> {
  const { now } = q;
  checkNewPassword(q.password, "password");
  const { link, staff } = await inspectLink(db, q.token, now);
  const { token, session } = await newSession(config, q.client, "link", now);
  const used = await useLink(db, {
    tokenHash: await hashToken(q.token),
    passwordHash: await hashPassword(q.password),
    session,
    audit: { actor: { id: staff.id, name: staff.displayName }, action: link.purpose === "invite" ? "staff.activate" : "staff.reset" },
    now,
  });
  if (!used) {
    // Used by another request meanwhile, or its person disabled: inspecting again throws the reason.
    await inspectLink(db, q.token, now);
    throw new DomainError("link_used", "链接已使用 / This link was used already; ask an admin for a new one");
  }
  return { staff: used, token, method: "link", createdAt: now, expiresAt: session.expiresAt };
}

/**
 * A signed-in person's new password, given their current one (counted like a sign-in: a stolen session
 * cannot guess it any faster). Every session of theirs ends; the one asking gets a new token.
 */
export async function changeOwnPassword(
  db: Db,
  config: SignInConfig,
  q: { staff: Staff; current: string; next: string; client: Client; now: number },
): Promise<Started> {
  const { now, staff } = q;
  checkNewPassword(q.next, "new_password");
  const window = windowOf(config, now);
  const subjects = [accountSubject(staff.login), clientSubject(q.client.address)];
  const counted = await countAttempt(db, subjects, window.start, [staffByLoginStatement(db, staff.login)]);
  await refuseIfLocked(db, config, subjects, counted.failures, window, now);
  const check = await verifyPassword(q.current, rowsOf<StaffRow>(counted.lookups[0])[0]?.password_hash ?? null);
  if (!check.ok) {
    // Not a 401: the session is fine, only this field is wrong.
    throw new DomainError("invalid", "The current password is wrong", { details: [{ path: "current_password", message: "is not your current password" }] });
  }
  const { token, session } = await newSession(config, q.client, "password", now);
  await changePassword(db, staff, { passwordHash: await hashPassword(q.next), session, extra: uncountStatements(db, subjects, window.start) }, now);
  return { staff, token, method: "password", createdAt: now, expiresAt: session.expiresAt };
}
