// The JSON shapes of people, sessions, passkeys, links and audit entries in the API: snake_case, times as
// RFC 3339 in Asia/Shanghai like the rest of the API, and never a hash, a token or a public key.
import type { Passkey, Session, SignInMethod, SignedIn, Staff } from "../domain/staff.ts";
import type { AuditRecord } from "../domain/audit.ts";
import { toRfc3339 } from "../content/dates.ts";
import type { AuditEntry, Link, Me, Passkey as PasskeyJson, Session as SessionJson, Staff as StaffJson } from "../content/staff-responses.ts";

const time = toRfc3339;
const maybeTime = (ms: number | null) => (ms === null ? null : toRfc3339(ms));

export const staffJson = (s: Staff): StaffJson => ({
  id: s.id,
  login: s.login,
  display_name: s.displayName,
  role: s.role,
  state: s.state,
  email: s.email,
  created_at: time(s.createdAt),
  updated_at: time(s.updatedAt),
  last_sign_in_at: maybeTime(s.lastSignInAt),
  version: s.version,
});

/** How a person is signed in: a desk session (by password, passkey or link), or Cloudflare Access's token. */
export type SessionView = { via: "session" | "access"; method: SignInMethod | "access"; createdAt: number; expiresAt: number };

export const sessionViewOf = (person: SignedIn): SessionView =>
  person.via === "session"
    ? { via: "session", method: person.session.method, createdAt: person.session.createdAt, expiresAt: person.session.expiresAt }
    : { via: "access", method: "access", createdAt: person.issuedAt, expiresAt: person.expiresAt };

/** A signed-in person about themself. */
export const meJson = (staff: Staff, passkeys: number, session: SessionView): Me => ({
  id: staff.id,
  login: staff.login,
  display_name: staff.displayName,
  role: staff.role,
  state: staff.state,
  email: staff.email,
  passkeys,
  session: { via: session.via, method: session.method, created_at: time(session.createdAt), expires_at: time(session.expiresAt) },
});

export const sessionJson = (s: Session, currentId: number | null): SessionJson => ({
  id: s.id,
  method: s.method,
  created_at: time(s.createdAt),
  last_seen_at: time(s.lastSeenAt),
  expires_at: time(s.expiresAt),
  user_agent: s.userAgent,
  current: s.id === currentId,
});

export const passkeyJson = (p: Passkey): PasskeyJson => ({ id: p.id, name: p.name, created_at: time(p.createdAt), last_used_at: maybeTime(p.lastUsedAt) });

export const linkJson = (url: string, expiresAt: number): Link => ({ url, expires_at: time(expiresAt) });

export const auditJson = (a: AuditRecord): AuditEntry => ({
  id: a.id,
  at: time(a.at),
  actor: a.actor,
  action: a.action,
  article_id: a.articleId,
  detail: a.detail,
});
