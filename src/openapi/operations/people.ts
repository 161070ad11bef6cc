// Signing in and people as the document describes them: routes/auth.ts (no one is signed in yet), admin-me.ts
// (a signed-in person about themself), admin-staff.ts (admins manage people) and admin-audit.ts (the log).
import * as v from "valibot";
import { AuditListQuery, StaffListQuery } from "../../http/api-queries.ts";
import { NoQuery } from "../../http/query.ts";
import { closed } from "../../content/schemas.ts";
import { LinkComplete, LinkInspect, LoginRequest, PasskeyName, PasswordChange, StaffInput, StaffPatch } from "../../auth/staff-input.ts";
import { AuthenticationResponse, RegistrationResponse } from "../../auth/webauthn.ts";
import {
  AuditPage,
  LinkAnswer,
  LinkInfo,
  Me,
  Passkey,
  PasskeyList,
  SessionList,
  SignedIn,
  Staff,
  StaffCreated,
  StaffPage,
  WebAuthnOptions,
} from "../../content/staff-responses.ts";
import type { Answer, Operation } from "../operation.ts";

const SIGN_IN = "Signing in";
const ME = "Me";
const STAFF = "People";

const id = (what: string) => ({ id: { schema: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/)), description: `The ${what}'s id.` } });
const json = (schema: v.GenericSchema, required = true) => ({ required, content: { "application/json": schema } });
const signedIn: Answer = { description: "Signed in: the session cookie is set, and this is the person.", body: SignedIn };
const done = (description: string): Answer => ({ description });

/** Sign-in requests come from the desk's own pages: its header and the site's Origin, as JSON. */
const signIn = (path: string, opId: string, summary: string, rest: Partial<Operation>): Operation => ({
  method: "post",
  path: `/api/v1/auth${path}`,
  id: opId,
  summary,
  tag: SIGN_IN,
  access: "anyone",
  query: NoQuery,
  headers: ["X-Masthead-Desk", "Origin"],
  answers: { 200: signedIn },
  errors: ["access_only"],
  ...rest,
});

const me = (method: Operation["method"], path: string, opId: string, summary: string, rest: Partial<Operation>): Operation => ({
  method,
  path: `/api/v1/admin/me${path}`,
  id: opId,
  summary,
  tag: ME,
  access: "person",
  query: NoQuery,
  answers: {},
  errors: [],
  ...rest,
});

export const peopleOperations: Operation[] = [
  signIn("/login", "signIn", "Sign in with a login and a password", {
    body: json(LoginRequest),
    errors: ["access_only", "invalid_credentials", "too_many_failures", "payload_too_large"],
  }),
  signIn("/logout", "signOut", "End this browser's session (with or without one)", {
    body: { required: false, description: "Not read: the desk sends its Content-Type with every change.", content: { "application/json": "ignored" } },
    answers: { 204: done("Signed out; the cookie is cleared.") },
    errors: [],
  }),
  signIn("/passkey/options", "passkeySignInOptions", "Options for signing in with a passkey (the challenge is single use)", {
    body: json(closed({}), false),
    answers: { 200: { description: "The options for navigator.credentials.get().", body: WebAuthnOptions } },
    errors: ["access_only", "payload_too_large"],
  }),
  signIn("/passkey/verify", "passkeySignIn", "Sign in with a passkey's answer", {
    body: json(closed({ response: AuthenticationResponse })),
    errors: ["access_only", "invalid_credentials", "too_many_failures", "payload_too_large"],
  }),
  signIn("/links/inspect", "inspectLink", "What an invite or reset link is for, before it is used", {
    body: json(LinkInspect),
    answers: { 200: { description: "Whose link it is, and until when.", body: LinkInfo } },
    errors: ["access_only", "link_unknown", "link_expired", "link_used", "payload_too_large"],
  }),
  signIn("/links/complete", "completeLink", "Set a password with an invite or reset link, and sign in", {
    body: json(LinkComplete),
    errors: ["access_only", "link_unknown", "link_expired", "link_used", "weak_password", "too_many_failures", "payload_too_large"],
  }),

  me("get", "", "getMe", "The signed-in person: account, passkeys, session", { answers: { 200: { description: "The person.", body: Me } }, errors: ["not_found"] }),
  me("post", "/password", "changePassword", "Change one's password; other sessions end, this one is renewed", {
    body: json(PasswordChange),
    answers: { 204: done("Changed; this browser's cookie is renewed.") },
    errors: ["access_only", "invalid", "weak_password", "too_many_failures", "payload_too_large", "unsupported_media_type"],
  }),
  me("get", "/passkeys", "listPasskeys", "One's passkeys", { answers: { 200: { description: "The passkeys.", body: PasskeyList } } }),
  me("post", "/passkeys/options", "passkeyRegistrationOptions", "Options for adding a passkey", {
    body: json(closed({}), false),
    answers: { 200: { description: "The options for navigator.credentials.create().", body: WebAuthnOptions } },
    errors: ["access_only", "payload_too_large", "unsupported_media_type"],
  }),
  me("post", "/passkeys", "addPasskey", "Add a passkey with the authenticator's answer", {
    body: json(closed({ response: RegistrationResponse, name: PasskeyName })),
    answers: { 201: { description: "The passkey.", body: Passkey, headers: ["Location"] } },
    errors: ["access_only", "passkey_rejected", "passkey_taken", "payload_too_large", "unsupported_media_type"],
  }),
  me("patch", "/passkeys/{id}", "renamePasskey", "Rename one of one's passkeys", {
    params: id("passkey"),
    body: json(closed({ name: PasskeyName })),
    answers: { 200: { description: "The passkey.", body: Passkey } },
    errors: ["not_found", "payload_too_large", "unsupported_media_type"],
  }),
  me("delete", "/passkeys/{id}", "removePasskey", "Remove one of one's passkeys", { params: id("passkey"), answers: { 204: done("Removed.") }, errors: ["not_found"] }),
  me("get", "/sessions", "listSessions", "Where one is signed in", { answers: { 200: { description: "The live sessions.", body: SessionList } }, errors: ["access_only"] }),
  me("delete", "/sessions", "signOutEverywhere", "Sign out everywhere, this browser included", { answers: { 204: done("Every session ended.") }, errors: ["access_only"] }),
  me("delete", "/sessions/{id}", "endSession", "End one of one's sessions", { params: id("session"), answers: { 204: done("Ended.") }, errors: ["access_only", "not_found"] }),

  {
    method: "get",
    path: "/api/v1/admin/staff",
    id: "listStaff",
    summary: "People, by state and role",
    tag: STAFF,
    access: "admin",
    query: StaffListQuery,
    answers: { 200: { description: "A page of people.", body: StaffPage } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/admin/staff",
    id: "inviteStaff",
    summary: "Invite someone: the invite link is shown this once",
    tag: STAFF,
    access: "admin",
    query: NoQuery,
    body: json(StaffInput),
    answers: { 201: { description: "The person, invited, and their link.", body: StaffCreated, headers: ["Location", "ETag"] } },
    errors: ["invalid", "login_taken", "email_taken", "payload_too_large", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/api/v1/admin/staff/{id}",
    id: "getStaff",
    summary: "One person; their version is the ETag",
    tag: STAFF,
    access: "admin",
    params: id("person"),
    query: NoQuery,
    headers: ["If-None-Match"],
    answers: { 200: { description: "The person.", body: Staff, headers: ["ETag"] }, 304: { description: "If-None-Match names the current version.", headers: ["ETag"] } },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/admin/staff/{id}",
    id: "editStaff",
    summary: "Change a person's name, role, email or state; a new role or disabling ends their sessions",
    tag: STAFF,
    access: "admin",
    params: id("person"),
    query: NoQuery,
    headers: ["If-Match (required)"],
    body: json(StaffPatch),
    answers: { 200: { description: "The person as they now stand.", body: Staff, headers: ["ETag"] } },
    errors: ["not_found", "precondition_required", "version_conflict", "last_admin", "conflict", "email_taken", "payload_too_large", "unsupported_media_type"],
  },
  {
    method: "post",
    path: "/api/v1/admin/staff/{id}/reset-link",
    id: "issueResetLink",
    summary: "A new reset (or invite) link for a person, replacing any unused one",
    tag: STAFF,
    access: "admin",
    params: id("person"),
    query: NoQuery,
    answers: { 201: { description: "The link, shown this once.", body: LinkAnswer } },
    errors: ["not_found", "conflict", "access_only"],
  },
  {
    method: "get",
    path: "/api/v1/admin/staff/{id}/sessions",
    id: "listStaffSessions",
    summary: "Where a person is signed in",
    tag: STAFF,
    access: "admin",
    params: id("person"),
    query: NoQuery,
    answers: { 200: { description: "Their live sessions.", body: SessionList } },
    errors: ["not_found"],
  },
  {
    method: "delete",
    path: "/api/v1/admin/staff/{id}/sessions",
    id: "endStaffSessions",
    summary: "Sign a person out everywhere",
    tag: STAFF,
    access: "admin",
    params: id("person"),
    query: NoQuery,
    answers: { 204: done("Every session of theirs ended.") },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/admin/audit",
    id: "listAudit",
    summary: "The audit log, newest first: who (a key, a person or a tool) did what, when",
    tag: "Operations",
    access: "editor",
    query: AuditListQuery,
    answers: { 200: { description: "A page of entries.", body: AuditPage } },
    errors: [],
  },
];
