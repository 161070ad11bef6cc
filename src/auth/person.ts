// The signed-in person behind a browser's request: a live desk session (the cookie), or, behind Cloudflare
// Access, the active account with Access's verified email. Used by the one auth middleware for the admin
// API, and by the desk's pages to know who is looking (signedInPerson).
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { Db } from "../domain/db.ts";
import type { SignedIn } from "../domain/staff.ts";
import { DomainError } from "../domain/errors.ts";
import { lookupSession } from "../db/sessions.ts";
import { findActiveStaffByEmail } from "../db/staff.ts";
import { type AccessConfig, signInConfig } from "../config.ts";
import { ACCESS_HEADER, verifyAccessToken } from "./access.ts";
import { sessionTokenOf } from "./cookie.ts";
import { TOKEN_PATTERN, hashToken } from "./tokens.ts";

/** The person of a live session with this cookie token; null for anything else (ended, expired, idle, disabled). */
export async function sessionPerson(db: Db, token: string, idleMs: number): Promise<SignedIn | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const found = await lookupSession(db, { tokenHash: await hashToken(token), now: Date.now(), idleMs });
  return found && { via: "session", staff: found.staff, session: found.session };
}

/** The person Cloudflare Access vouches for; 403 access_denied for a token not valid or an email no active account has. */
export async function accessPerson(db: Db, assertion: string, access: AccessConfig): Promise<SignedIn> {
  const identity = await verifyAccessToken(assertion, access);
  const staff = await findActiveStaffByEmail(db, identity.email);
  if (!staff) throw new DomainError("access_denied", `No active staff account has the email address ${identity.email}; ask an admin`);
  return { via: "access", staff, issuedAt: identity.issuedAt, expiresAt: identity.expiresAt };
}

/**
 * For the desk's pages: who is signed in, or null when nobody is (no credential, a session that ended). An
 * Access token that is not valid, or names nobody, still throws 403: Access let them through, so sending
 * them to a sign-in page would only loop.
 */
export async function signedInPerson(c: Context<AppEnv>): Promise<SignedIn | null> {
  const config = signInConfig(c.env);
  if (config.access) {
    const assertion = c.req.header(ACCESS_HEADER);
    return assertion ? accessPerson(c.env.DB, assertion, config.access) : null;
  }
  const token = sessionTokenOf(c);
  return token === undefined ? null : sessionPerson(c.env.DB, token, config.session.idleMs);
}
