// Signing in and out, under /api/v1/auth: passwords, passkeys, invite and reset links. Every request here
// comes from the desk's own pages (csrf.ts), answers no-store, and only here, under /api/v1/admin/me and by
// the desk's sign-in and sign-out forms (src/desk/sign-in.ts, the same sign-in code) is the session cookie
// ever set. With Cloudflare Access configured, Access signs people in: these answer 403.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";
import { d1Session } from "../http/d1-session.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { signInConfig } from "../auth/config.ts";
import { checkDeskRequest } from "../auth/csrf.ts";
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from "../auth/cookie.ts";
import { relyingParty } from "../auth/origin.ts";
import { clientOf } from "../auth/client.ts";
import { type Started, completeLink, inspectLink, signInWithPasskey, signInWithPassword } from "../auth/sign-in.ts";
import { AuthenticationResponse, CHALLENGE_TTL_MS, authenticationOptions } from "../auth/webauthn.ts";
import { LinkComplete, LinkInspect, LoginRequest } from "../auth/staff-input.ts";
import { hashToken } from "../auth/tokens.ts";
import { closed } from "../content/schemas.ts";
import { toRfc3339 } from "../content/dates.ts";
import { getStaffRecord } from "../db/staff.ts";
import { endSessionByToken } from "../db/sessions.ts";
import { storeChallenge } from "../db/webauthn-challenges.ts";
import { meJson } from "../render/staff-json.ts";

type Ctx = Context<AppEnv>;

/** A login and a password, a token, a passkey's answer: all far below this. */
const MAX_BODY_BYTES = 16_384;

export const auth = new Hono<AppEnv>();

// The primary: a sign-in reads what it just counted. Then the desk-only rule, before any body is read.
auth.use("*", d1Session("editors"), async function deskOnly(c, next) {
  checkDeskRequest(c);
  parseQuery(c, NoQuery);
  c.header("Cache-Control", "no-store");
  await next();
});

/** 403 when Cloudflare Access signs people in: no password, passkey or link does then. */
function passwordsAndPasskeys(c: Ctx) {
  const config = signInConfig(c.env);
  if (config.access) {
    throw new DomainError("access_only", "This site signs people in through Cloudflare Access; passwords, passkeys and links are off");
  }
  return config;
}

/** The new session's cookie, and the person as /api/v1/admin/me would show them. */
async function signedIn(c: Ctx, started: Started) {
  setSessionCookie(c, started.token, started.expiresAt, started.createdAt);
  const record = await getStaffRecord(c.var.db, started.staff.id);
  const view = { via: "session", method: started.method, createdAt: started.createdAt, expiresAt: started.expiresAt } as const;
  return c.json({ me: meJson(record?.staff ?? started.staff, record?.passkeys ?? 0, view) });
}

auth.post("/login", async (c) => {
  const config = passwordsAndPasskeys(c);
  const { login, password } = (await readJson(c, LoginRequest, MAX_BODY_BYTES)).value;
  const now = Date.now();
  return signedIn(c, await signInWithPassword(c.var.db, config, { login, password, client: clientOf(c), now }));
});

auth.post("/logout", async (c) => {
  const token = sessionTokenOf(c);
  if (token !== undefined) await endSessionByToken(c.var.db, await hashToken(token), Date.now());
  clearSessionCookie(c);
  return c.body(null, 204);
});

auth.post("/passkey/options", async (c) => {
  passwordsAndPasskeys(c);
  await readJson(c, closed({}), MAX_BODY_BYTES, { optional: true });
  const options = await authenticationOptions(relyingParty(c.env, c.req.url));
  await storeChallenge(c.var.db, { challenge: options.challenge, purpose: "authenticate", staffId: null, expiresAt: Date.now() + CHALLENGE_TTL_MS });
  return c.json(options);
});

auth.post("/passkey/verify", async (c) => {
  const config = passwordsAndPasskeys(c);
  const { response } = (await readJson(c, closed({ response: AuthenticationResponse }), MAX_BODY_BYTES)).value;
  const now = Date.now();
  const started = await signInWithPasskey(c.var.db, config, relyingParty(c.env, c.req.url), { response, client: clientOf(c), now });
  return signedIn(c, started);
});

auth.post("/links/inspect", async (c) => {
  passwordsAndPasskeys(c);
  const { token } = (await readJson(c, LinkInspect, MAX_BODY_BYTES)).value;
  const { link, staff } = await inspectLink(c.var.db, token, Date.now());
  return c.json({ purpose: link.purpose, login: staff.login, display_name: staff.displayName, expires_at: toRfc3339(link.expiresAt) });
});

auth.post("/links/complete", async (c) => {
  const config = passwordsAndPasskeys(c);
  const { token, password } = (await readJson(c, LinkComplete, MAX_BODY_BYTES)).value;
  const now = Date.now();
  return signedIn(c, await completeLink(c.var.db, config, { token, password, client: clientOf(c), now }));
});
