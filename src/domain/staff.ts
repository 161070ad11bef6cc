// Staff: the people of the newsroom who sign in to the desk. A person has a login, a display name (Chinese
// names are normal), a role like a key's and a state; they sign in with a password, a passkey or, behind
// Cloudflare Access, their Access identity, and hold sessions while signed in.
import type { Role } from "./role.ts";

/**
 * invited: made by an admin, waiting for its invite link to be used (no password yet);
 * active: may sign in; disabled: may not, and has no sessions.
 */
export const STAFF_STATES = ["invited", "active", "disabled"] as const;

/**
 * How long what people type may be, in characters: the staff API's checks and the desk's inputs (maxlength)
 * read these, so a form never takes more than the server keeps. A key's name is the key API's.
 */
export const PEOPLE_LIMITS = { login: 64, displayName: 50, email: 254, passkeyName: 50, keyName: 100 } as const;
export type StaffState = (typeof STAFF_STATES)[number];

export type Staff = {
  id: number;
  login: string;
  displayName: string;
  /** Lower-case; the identity Cloudflare Access vouches for. Optional outside Access. */
  email: string | null;
  role: Role;
  state: StaffState;
  createdAt: number;
  updatedAt: number;
  lastSignInAt: number | null;
  /** +1 on every change an admin makes: the ETag of the staff API. */
  version: number;
};

/** One-time links: an invite makes a person active; a reset replaces a forgotten password or a lost device. */
export const LINK_PURPOSES = ["invite", "reset"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** How a session began, for the audit log and the person's list of sessions. */
export type SignInMethod = "password" | "passkey" | "link";

/** A signed-in browser. `id` is a handle that is safe to show; only the token's hash identifies it. */
export type Session = {
  id: number;
  staffId: number;
  method: SignInMethod;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string;
};

export type Passkey = {
  id: number;
  /** base64url, as WebAuthn names it. */
  credentialId: string;
  staffId: number;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
};

/** A person as a request knows them: through a desk session, or through Cloudflare Access's identity. */
export type SignedIn =
  | { via: "session"; staff: Staff; session: Session }
  | { via: "access"; staff: Staff; issuedAt: number; expiresAt: number };
