// A signed-in person about themself, under /api/v1/admin/me: their account, password, passkeys and sessions.
// For people only (a key has no account: 403 not_a_person). Under Cloudflare Access, Access holds the
// password and the sessions: those answer 403 access_only.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import type { SignedIn } from "../domain/staff.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { closed } from "../content/schemas.ts";
import { signInConfig } from "../auth/config.ts";
import { clearSessionCookie, setSessionCookie } from "../auth/cookie.ts";
import { relyingParty } from "../auth/origin.ts";
import { changeOwnPassword } from "../auth/sign-in.ts";
import { PasskeyName, PasswordChange } from "../auth/staff-input.ts";
import { CHALLENGE_TTL_MS, RegistrationResponse, challengeOf, registrationOptions, verifyRegistration } from "../auth/webauthn.ts";
import { getStaffRecord, personActor } from "../db/staff.ts";
import { endAllSessions, endSession, listSessions } from "../db/sessions.ts";
import { addPasskey, listPasskeys, removePasskey, renamePasskey } from "../db/passkeys.ts";
import { consumeChallenge, storeChallenge } from "../db/webauthn-challenges.ts";
import { meJson, passkeyJson, sessionJson, sessionViewOf } from "../render/staff-json.ts";

type Ctx = Context<AppEnv>;

const MAX_BODY_BYTES = 65_536;
const ID = "/:id{[1-9][0-9]{0,15}}";

export const adminMe = new Hono<AppEnv>();

adminMe.use("*", async function peopleOnly(c, next) {
  if (!c.get("signedIn")) throw new DomainError("not_a_person", "This is about a signed-in person; an API key has no account");
  // None of these takes a query parameter: one given is refused, as on every endpoint that takes none.
  parseQuery(c, NoQuery);
  c.header("Cache-Control", "no-store");
  await next();
});

const person = (c: Ctx): SignedIn => c.get("signedIn");

/** The person's desk session, or 403 under Cloudflare Access, which keeps passwords and sessions itself. */
function deskSession(c: Ctx) {
  const me = person(c);
  if (me.via !== "session") throw new DomainError("access_only", "Signed in through Cloudflare Access: passwords, passkeys and sessions are Access's");
  return me;
}

const idOf = (c: Ctx) => Number(c.req.param("id"));

adminMe.get("/", async (c) => {
  const me = person(c);
  const record = await getStaffRecord(c.var.db, me.staff.id);
  if (!record) throw notFound("No such person");
  return c.json(meJson(record.staff, record.passkeys, sessionViewOf(me)));
});

adminMe.post("/password", async (c) => {
  const me = deskSession(c);
  const body = (await readJson(c, PasswordChange, MAX_BODY_BYTES)).value;
  const started = await changeOwnPassword(c.var.db, signInConfig(c.env), {
    staff: me.staff,
    current: body.current_password,
    next: body.new_password,
    client: { address: c.req.header("CF-Connecting-IP") ?? "unknown", userAgent: c.req.header("User-Agent") ?? "", sessionToken: null },
    now: Date.now(),
  });
  setSessionCookie(c, started.token, started.expiresAt, started.createdAt);
  return c.body(null, 204);
});

adminMe.get("/passkeys", async (c) => {
  const items = await listPasskeys(c.var.db, person(c).staff.id);
  return c.json({ items: items.map(passkeyJson) });
});

adminMe.post("/passkeys/options", async (c) => {
  const me = deskSession(c);
  await readJson(c, closed({}), MAX_BODY_BYTES, { optional: true });
  const existing = await listPasskeys(c.var.db, me.staff.id);
  const options = await registrationOptions(relyingParty(c.env, c.req.url), me.staff, existing);
  await storeChallenge(c.var.db, { challenge: options.challenge, purpose: "register", staffId: me.staff.id, expiresAt: Date.now() + CHALLENGE_TTL_MS });
  return c.json(options);
});

adminMe.post("/passkeys", async (c) => {
  const me = deskSession(c);
  const { response, name } = (await readJson(c, closed({ response: RegistrationResponse, name: PasskeyName }), MAX_BODY_BYTES)).value;
  const now = Date.now();
  const challenge = challengeOf(response.response.clientDataJSON);
  if (challenge === null || !(await consumeChallenge(c.var.db, { challenge, purpose: "register", staffId: me.staff.id, now }))) {
    throw new DomainError("passkey_rejected", "This registration expired or was already used; start again");
  }
  const credential = await verifyRegistration(relyingParty(c.env, c.req.url), response, challenge);
  if ("refused" in credential) throw new DomainError("passkey_rejected", `The passkey was not accepted: ${credential.refused}`);
  const passkey = await addPasskey(c.var.db, me.staff.id, { ...credential, name }, personActor(me.staff), now);
  c.header("Location", `/api/v1/admin/me/passkeys/${passkey.id}`);
  return c.json(passkeyJson(passkey), 201);
});

adminMe.patch(`/passkeys${ID}`, async (c) => {
  const { name } = (await readJson(c, closed({ name: PasskeyName }), MAX_BODY_BYTES)).value;
  const passkey = await renamePasskey(c.var.db, person(c).staff.id, idOf(c), name);
  if (!passkey) throw notFound("You have no passkey with this id");
  return c.json(passkeyJson(passkey));
});

adminMe.delete(`/passkeys${ID}`, async (c) => {
  const me = person(c);
  if (!(await removePasskey(c.var.db, me.staff.id, idOf(c), personActor(me.staff), Date.now()))) throw notFound("You have no passkey with this id");
  return c.body(null, 204);
});

adminMe.get("/sessions", async (c) => {
  const me = deskSession(c);
  const sessions = await listSessions(c.var.db, me.staff.id, Date.now(), signInConfig(c.env).session.idleMs);
  return c.json({ items: sessions.map((s) => sessionJson(s, me.session.id)) });
});

/** Signs out everywhere, this browser included. */
adminMe.delete("/sessions", async (c) => {
  const me = deskSession(c);
  await endAllSessions(c.var.db, me.staff.id, Date.now());
  clearSessionCookie(c);
  return c.body(null, 204);
});

adminMe.delete(`/sessions${ID}`, async (c) => {
  const me = deskSession(c);
  const id = idOf(c);
  if (!(await endSession(c.var.db, me.staff.id, id, Date.now()))) throw notFound("You have no live session with this id");
  if (id === me.session.id) clearSessionCookie(c);
  return c.body(null, 204);
});
