// Passkeys, against a software authenticator: several per person, named, renamed and removed; a sign-in
// with one needs a live challenge used once, this site's origin and relying party, the owner verified and a
// counter that never goes back. A lost one is replaced through a reset link.
import { describe, expect, it } from "vitest";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type Person, ORIGIN, authPost, desk, fetchApp, makePerson, patchStaff, sessionCookieOf, signIn } from "./staff-fixture.ts";
import { type Ceremony, SoftwareAuthenticator } from "./software-authenticator.ts";

const HERE: Ceremony = { origin: ORIGIN, rpId: "localhost" };

type Options = { challenge: string; user: { id: string; name: string; displayName: string }; rp: { id: string; name: string } };

async function registerPasskey(person: Person, name = "办公室电脑", authenticator = new SoftwareAuthenticator(), at = HERE) {
  const options = (await (await desk(person, "POST", "/api/v1/admin/me/passkeys/options", {})).json()) as Options;
  const response = await authenticator.register(options, at);
  const res = await desk(person, "POST", "/api/v1/admin/me/passkeys", { response, name });
  return { res, authenticator, options };
}

async function signInWith(authenticator: SoftwareAuthenticator, at = HERE) {
  const options = (await (await authPost("/passkey/options", {})).json()) as { challenge: string };
  const response = await authenticator.assert(options, at);
  return { res: await authPost("/passkey/verify", { response }), response };
}

const codeOf = async (res: Response) => ((await res.json()) as ErrorJson).error.code;

describe("registering a passkey", () => {
  it("asks for a discoverable credential for this site, verified by its owner", async () => {
    const person = await makePerson("editor", { displayName: "周敏" });
    const options = (await (await desk(person, "POST", "/api/v1/admin/me/passkeys/options", {})).json()) as Options & {
      authenticatorSelection: Record<string, string>;
      attestation: string;
    };
    expect(options.rp.id).toBe("localhost");
    expect(options.user).toMatchObject({ name: person.login, displayName: "周敏" });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(options.attestation).toBe("none");
  });

  it("adds several, each named, listed without their keys; renames and removes them", async () => {
    const person = await makePerson("author");
    const first = await registerPasskey(person, "办公室电脑");
    expect(first.res.status).toBe(201);
    const second = await registerPasskey(person, "手机");
    expect(second.res.status).toBe(201);
    const listed = (await (await desk(person, "GET", "/api/v1/admin/me/passkeys")).json()) as { items: { id: number; name: string }[] };
    expect(listed.items.map((p) => p.name)).toEqual(["办公室电脑", "手机"]);
    expect(JSON.stringify(listed)).not.toMatch(/public|counter|credential/);
    const [office, phone] = listed.items;
    const renamed = await desk(person, "PATCH", `/api/v1/admin/me/passkeys/${phone?.id}`, { name: "华为手机" });
    expect(((await renamed.json()) as { name: string }).name).toBe("华为手机");
    expect((await desk(person, "DELETE", `/api/v1/admin/me/passkeys/${office?.id}`)).status).toBe(204);
    expect(((await (await desk(person, "GET", "/api/v1/admin/me")).json()) as { passkeys: number }).passkeys).toBe(1);
    // The removed one signs nobody in; the other still does.
    expect((await signInWith(first.authenticator)).res.status).toBe(401);
    expect((await signInWith(second.authenticator)).res.status).toBe(200);
  });

  it("refuses an answer for another origin or relying party, one without user verification, and a reused challenge", async () => {
    const person = await makePerson("author");
    const elsewhere = await registerPasskey(person, "x", new SoftwareAuthenticator(), { origin: "https://evil.example", rpId: "localhost" });
    expect(elsewhere.res.status).toBe(422);
    expect(await codeOf(elsewhere.res)).toBe("passkey_rejected");
    expect((await registerPasskey(person, "x", new SoftwareAuthenticator(), { origin: ORIGIN, rpId: "evil.example" })).res.status).toBe(422);
    const unverified = new SoftwareAuthenticator();
    unverified.verifiesUser = false;
    expect((await registerPasskey(person, "x", unverified)).res.status).toBe(422);
    // A challenge answered once (even refused) is gone.
    const options = (await (await desk(person, "POST", "/api/v1/admin/me/passkeys/options", {})).json()) as Options;
    const authenticator = new SoftwareAuthenticator();
    const response = await authenticator.register(options, HERE);
    expect((await desk(person, "POST", "/api/v1/admin/me/passkeys", { response, name: "第一次" })).status).toBe(201);
    expect((await desk(person, "POST", "/api/v1/admin/me/passkeys", { response, name: "第二次" })).status).toBe(422);
  });

  it("refuses a challenge issued to someone else, and a passkey registered already", async () => {
    const [alice, bob] = await Promise.all([makePerson("author"), makePerson("author")]);
    const options = (await (await desk(alice, "POST", "/api/v1/admin/me/passkeys/options", {})).json()) as Options;
    const response = await new SoftwareAuthenticator().register(options, HERE);
    expect((await desk(bob, "POST", "/api/v1/admin/me/passkeys", { response, name: "偷来的" })).status).toBe(422);
    const { authenticator } = await registerPasskey(alice);
    const again = await registerPasskey(bob, "同一个", authenticator);
    expect(again.res.status).toBe(409);
    expect(await codeOf(again.res)).toBe("passkey_taken");
  });

  it("is for people: a key is told it has no account", async () => {
    const { headers } = await makeKey("admin");
    const res = await fetchApp("/api/v1/admin/me/passkeys/options", { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("not_a_person");
  });
});

describe("signing in with a passkey", () => {
  it("needs no login: the passkey says who, and the session says how", async () => {
    const person = await makePerson("editor");
    const { authenticator } = await registerPasskey(person);
    const { res } = await signInWith(authenticator);
    expect(res.status).toBe(200);
    const cookie = sessionCookieOf(res);
    const me = (await (await desk({ cookie: cookie ?? "" }, "GET", "/api/v1/admin/me")).json()) as { id: number; session: { method: string } };
    expect(me).toMatchObject({ id: person.staff.id, session: { method: "passkey" } });
  });

  it("uses each challenge once: a replayed answer is refused", async () => {
    const person = await makePerson("author");
    const { authenticator } = await registerPasskey(person);
    const { res, response } = await signInWith(authenticator);
    expect(res.status).toBe(200);
    const replay = await authPost("/passkey/verify", { response });
    expect(replay.status).toBe(401);
    expect(await codeOf(replay)).toBe("invalid_credentials");
  });

  it("refuses an answer made for another origin or relying party, or without the owner verified", async () => {
    const person = await makePerson("author");
    const { authenticator } = await registerPasskey(person);
    expect((await signInWith(authenticator, { origin: "https://evil.example", rpId: "localhost" })).res.status).toBe(401);
    expect((await signInWith(authenticator, { origin: ORIGIN, rpId: "evil.example" })).res.status).toBe(401);
    authenticator.verifiesUser = false;
    expect((await signInWith(authenticator)).res.status).toBe(401);
    authenticator.verifiesUser = true;
    expect((await signInWith(authenticator)).res.status).toBe(200);
  });

  it("refuses a cloned authenticator whose counter went back", async () => {
    const person = await makePerson("author");
    const { authenticator } = await registerPasskey(person);
    for (let i = 0; i < 3; i++) expect((await signInWith(authenticator)).res.status).toBe(200);
    authenticator.rewindCounter(1);
    expect((await signInWith(authenticator)).res.status).toBe(401);
  });

  it("refuses a disabled person's passkey, and an unknown one, alike", async () => {
    const person = await makePerson("author");
    const { authenticator } = await registerPasskey(person);
    expect((await patchStaff(person.staff.id, { state: "disabled" })).status).toBe(200);
    const disabled = (await signInWith(authenticator)).res;
    const unknown = (await signInWith(new SoftwareAuthenticator())).res;
    expect([disabled.status, unknown.status]).toEqual([401, 401]);
    expect(await disabled.text()).toBe(await unknown.text());
  });
});

describe("a lost passkey", () => {
  it("is replaced through a reset link: the person gets in, removes the lost one and adds a new one", async () => {
    const person = await makePerson("author");
    const lost = await registerPasskey(person, "丢了的手机");
    const { headers } = await makeKey("admin");
    const reset = (await (await fetchApp(`/api/v1/admin/staff/${person.staff.id}/reset-link`, { method: "POST", headers })).json()) as { link: { url: string } };
    const token = new URL(reset.link.url).hash.replace(/^#token=/, "");
    const done = await authPost("/links/complete", { token, password: "back in after losing it" });
    expect(done.status).toBe(200);
    const back: Person = { ...person, cookie: sessionCookieOf(done) ?? "", password: "back in after losing it" };
    const listed = (await (await desk(back, "GET", "/api/v1/admin/me/passkeys")).json()) as { items: { id: number; name: string }[] };
    const old = listed.items.find((p) => p.name === "丢了的手机");
    expect((await desk(back, "DELETE", `/api/v1/admin/me/passkeys/${old?.id}`)).status).toBe(204);
    expect((await signInWith(lost.authenticator)).res.status).toBe(401);
    const fresh = await registerPasskey(back, "新手机");
    expect(fresh.res.status).toBe(201);
    expect((await signInWith(fresh.authenticator)).res.status).toBe(200);
    expect((await signIn(person.login, "back in after losing it")).status).toBe(200);
  });
});
