// Behind Cloudflare Access the desk trusts Cf-Access-Jwt-Assertion once jose has verified it against the
// team's published keys (a stand-in team here: test/stand-in-access.ts): signature, issuer, audience and
// expiry. The email names an active staff account, whose role applies; anything else is refused.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { SignJWT, importJWK } from "jose";
import { app } from "../src/app.ts";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, type StaffJson, makePerson, patchStaff, uniqueLogin } from "./staff-fixture.ts";

const TEAM = `https://${env.TEST_ACCESS.team}.cloudflareaccess.com`;
const AUD = "6b1a4d5e0c2f4a8b9d7e3f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c";
const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: `${env.TEST_ACCESS.team}.cloudflareaccess.com`, ACCESS_AUD: AUD };

type Claims = { email?: string; aud?: string; iss?: string; expiresIn?: string; issuedAt?: number; kid?: string };

async function accessToken(claims: Claims = {}, privateJwk?: JsonWebKey): Promise<string> {
  const kid = claims.kid ?? "key-1";
  const published = env.TEST_ACCESS.keys.find((k) => k.kid === kid)?.privateJwk;
  const signer = privateJwk ?? (published === undefined ? undefined : (JSON.parse(published) as JsonWebKey));
  if (!signer) throw new Error(`no test key ${kid}`);
  const jwt = new SignJWT({ ...(claims.email !== undefined && { email: claims.email }), type: "app", identity_nonce: "x" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(claims.iss ?? TEAM)
    .setAudience(claims.aud ?? AUD)
    .setSubject(crypto.randomUUID())
    .setIssuedAt(claims.issuedAt ?? Math.floor(Date.now() / 1000))
    .setExpirationTime(claims.expiresIn ?? "1h");
  return jwt.sign(await importJWK(signer, "RS256"));
}

async function call(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://localhost${path}`, init), accessEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const asAccess = (token: string, path = "/api/v1/admin/me", init: RequestInit = {}) =>
  call(path, { ...init, headers: { "Cf-Access-Jwt-Assertion": token, ...(init.headers as Record<string, string>) } });

async function personWithEmail(role: "author" | "editor" | "admin") {
  const login = uniqueLogin("access");
  const person = await makePerson(role, { login, email: `${login}@Newsroom.example` });
  return { ...person, email: `${login}@newsroom.example` };
}

afterEach(() => {
  vi.useRealTimers();
});

const codeOf = async (res: Response) => ((await res.json()) as ErrorJson).error.code;

describe("a valid Access token", () => {
  it("signs in the active person with that email, whose role applies", async () => {
    const person = await personWithEmail("author");
    const token = await accessToken({ email: person.email.toUpperCase() });
    const res = await asAccess(token);
    expect(res.status).toBe(200);
    const me = (await res.json()) as { id: number; session: { via: string } };
    expect(me).toMatchObject({ id: person.staff.id, session: { via: "access" } });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await asAccess(token, "/api/v1/admin/staff")).status).toBe(403);
  });

  it("changes things only as the desk sends them", async () => {
    const person = await personWithEmail("editor");
    const token = await accessToken({ email: person.email });
    const init = { method: "DELETE", headers: { Origin: "https://evil.example" } };
    const res = await asAccess(token, "/api/v1/admin/articles/1", init);
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("csrf");
    const ok = await asAccess(token, "/api/v1/admin/me/passkeys/99", { method: "DELETE", headers: DESK_HEADERS });
    expect(ok.status).toBe(404);
  });

  it("fetches the team's keys once and keeps them, and picks up a key Access publishes later", async () => {
    const person = await personWithEmail("author");
    const fetches = async () => ((await (await fetch(`${TEAM}/test/fetches`)).json()) as { fetches: number }).fetches;
    expect((await asAccess(await accessToken({ email: person.email }))).status).toBe(200);
    const before = await fetches();
    for (let i = 0; i < 3; i++) expect((await asAccess(await accessToken({ email: person.email }))).status).toBe(200);
    expect(await fetches()).toBe(before);
    // Access rotates: a token signed with a key not yet published is refused; once published, accepted.
    const rotated = await accessToken({ email: person.email, kid: "key-2" });
    expect((await asAccess(rotated)).status).toBe(403);
    await fetch(`${TEAM}/test/publish?kid=key-2`, { method: "POST" });
    // jose asks again for a key it has not seen, at most once per 30-second cooldown.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await asAccess(await accessToken({ email: person.email, kid: "key-2" }))).status).toBe(200);
    expect(await fetches()).toBe(before + 1);
  });
});

describe("refused tokens", () => {
  it.each<[string, () => Promise<string>]>([
    ["forged: signed by a key that is not the team's, under its key id", async () => {
      const { privateKey } = (await crypto.subtle.generateKey(
        { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
        true,
        ["sign", "verify"],
      )) as CryptoKeyPair;
      return accessToken({ email: "x@newsroom.example" }, (await crypto.subtle.exportKey("jwk", privateKey)) as JsonWebKey);
    }],
    ["expired", () => accessToken({ email: "x@newsroom.example", issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresIn: "1 hour ago" })],
    ["for another application's audience", () => accessToken({ email: "x@newsroom.example", aud: "another-application" })],
    ["from another team", () => accessToken({ email: "x@newsroom.example", iss: "https://other-team.cloudflareaccess.com" })],
    ["unsigned (alg none)", async () => `${btoa(JSON.stringify({ alg: "none", kid: "key-1" }))}.${btoa(JSON.stringify({ email: "x@newsroom.example", aud: AUD, iss: TEAM, exp: 9999999999 }))}.`],
    ["not a token at all", async () => "garbage"],
  ])("%s: 403 access_denied", async (_, make) => {
    const person = await personWithEmail("admin");
    const token = (await make()).replace("x@newsroom.example", person.email);
    const res = await asAccess(token);
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("access_denied");
  });

  it("for an email no active account has: 403, whether unknown, disabled or only invited", async () => {
    const disabled = await personWithEmail("editor");
    expect((await patchStaff(disabled.staff.id, { state: "disabled" })).status).toBe(200);
    for (const email of [`nobody-${uniqueLogin()}@newsroom.example`, disabled.email]) {
      const res = await asAccess(await accessToken({ email }));
      expect(res.status, email).toBe(403);
      expect(await codeOf(res)).toBe("access_denied");
    }
  });

  it("with no email (a service token): 403; with no token at all: 401", async () => {
    expect((await asAccess(await accessToken({}))).status).toBe(403);
    expect((await call("/api/v1/admin/me")).status).toBe(401);
  });
});

describe("in Access mode", () => {
  it("keys keep working", async () => {
    const { headers } = await makeKey("editor");
    expect((await call("/api/v1/admin/articles", { headers })).status).toBe(200);
  });

  it("a person is created active, by the email Access knows them by, with no link", async () => {
    const { headers } = await makeKey("admin");
    const login = uniqueLogin("new");
    const post = (body: unknown) => call("/api/v1/admin/staff", { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const withoutEmail = await post({ login, display_name: "刘洋", role: "author" });
    expect(withoutEmail.status).toBe(422);
    const res = await post({ login, display_name: "刘洋", role: "author", email: `${login}@newsroom.example` });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { staff: StaffJson; link: null };
    expect(body).toMatchObject({ staff: { state: "active" }, link: null });
    expect((await asAccess(await accessToken({ email: `${login}@newsroom.example` }))).status).toBe(200);
  });
});
