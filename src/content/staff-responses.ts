// What the sign-in, people and audit API answers (routes/auth.ts, admin-me.ts, admin-staff.ts, admin-audit.ts),
// as valibot schemas, as content/responses.ts holds the rest: render/staff-json.ts is typed by them and the
// API document publishes them. Never a hash, a token or a public key.
import * as v from "valibot";
import { ROLES } from "../domain/role.ts";
import { LINK_PURPOSES, STAFF_STATES } from "../domain/staff.ts";
import { ACTOR_KINDS } from "../domain/actor.ts";
import { Time } from "./responses.ts";

const Id = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const described = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));
const METHODS = ["password", "passkey", "link"] as const;

export const Staff = v.strictObject({
  id: Id,
  login: v.string(),
  display_name: v.string(),
  role: v.picklist(ROLES),
  state: v.picklist(STAFF_STATES),
  email: v.nullable(v.string()),
  created_at: Time,
  updated_at: Time,
  last_sign_in_at: v.nullable(Time),
  version: described(Id, "+1 on every change an admin makes; the ETag for the next If-Match."),
});
export type Staff = v.InferOutput<typeof Staff>;

export const Me = v.strictObject({
  id: Id,
  login: v.string(),
  display_name: v.string(),
  role: v.picklist(ROLES),
  state: v.picklist(STAFF_STATES),
  email: v.nullable(v.string()),
  passkeys: described(Count, "How many passkeys the person has."),
  session: v.strictObject({ via: v.picklist(["session", "access"]), method: v.picklist([...METHODS, "access"]), created_at: Time, expires_at: Time }),
});
export type Me = v.InferOutput<typeof Me>;

export const Session = v.strictObject({
  id: described(Id, "A handle for the session, safe to show; the token itself never leaves the cookie."),
  method: v.picklist(METHODS),
  created_at: Time,
  last_seen_at: Time,
  expires_at: Time,
  user_agent: v.string(),
  current: described(v.boolean(), "True for the session making this request."),
});
export type Session = v.InferOutput<typeof Session>;

export const Passkey = v.strictObject({ id: Id, name: v.string(), created_at: Time, last_used_at: v.nullable(Time) });
export type Passkey = v.InferOutput<typeof Passkey>;

export const Link = described(v.strictObject({ url: v.string(), expires_at: Time }), "A one-time link, shown this once.");
export type Link = v.InferOutput<typeof Link>;

export const AuditEntry = v.strictObject({
  id: Id,
  at: Time,
  actor: v.strictObject({ id: v.nullable(Id), kind: v.picklist(ACTOR_KINDS), name: v.string() }),
  action: described(v.string(), "`<thing>.<verb>`, e.g. `article.publish`, `staff.sign_in`."),
  article_id: v.nullable(Id),
  detail: v.record(v.string(), v.unknown()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;

const Cursor = v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,200}$/)));

export const StaffPage = v.strictObject({ items: v.array(Staff), next_cursor: Cursor });
export const StaffCreated = v.strictObject({ staff: Staff, link: described(v.nullable(Link), "The invite link; null behind Cloudflare Access.") });
export const LinkAnswer = v.strictObject({ link: Link });
export const SessionList = v.strictObject({ items: v.array(Session) });
export const PasskeyList = v.strictObject({ items: v.array(Passkey) });
export const AuditPage = v.strictObject({ items: v.array(AuditEntry), next_cursor: Cursor });
export const SignedIn = v.strictObject({ me: Me });
export const LinkInfo = v.strictObject({ purpose: v.picklist(LINK_PURPOSES), login: v.string(), display_name: v.string(), expires_at: Time });

/** WebAuthn's options for navigator.credentials (@simplewebauthn/server): passed to the browser as they are. */
export const WebAuthnOptions = described(v.looseObject({ challenge: v.string() }), "PublicKeyCredentialRequestOptionsJSON or …CreationOptionsJSON (WebAuthn Level 3), for @simplewebauthn/browser.");
