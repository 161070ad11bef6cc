// Signing in with a password: the cookie it sets, the password rules and how passwords are stored, answers
// that never tell which accounts exist, and the limits on guessing, however concurrent.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { app } from "../src/app.ts";
import { PASSWORD_ITERATIONS, hashPassword, iterationsOf, verifyPassword } from "../src/auth/password.ts";
import { changePassword, findStaffByLogin } from "../src/db/staff.ts";
import { passwordProblem as pagePasswordProblem } from "../client/lib/password.ts";
import type { ErrorJson } from "./fixtures.ts";
import { uniqueClientIp } from "./keys-fixture.ts";
import { DESK_HEADERS, ORIGIN, authPost, desk, fetchApp, invitePerson, makePerson, patchStaff, sessionCookieOf, signIn, uniqueLogin } from "./staff-fixture.ts";

afterEach(() => {
  vi.useRealTimers();
});

const errorOf = async (res: Response) => ((await res.json()) as ErrorJson).error;

/** The stored hash, read as the database holds it (tests may read; they never write by hand). */
async function storedHash(login: string): Promise<string> {
  const hash = (await env.DB.prepare("SELECT password_hash FROM staff WHERE login = ?").bind(login).first<{ password_hash: string }>())?.password_hash;
  if (!hash) throw new Error(`no password stored for ${login}`);
  return hash;
}

describe("the session cookie", () => {
  it("is __Host-masthead_session: Secure, HttpOnly, Path=/, SameSite=Strict, lasting the session's 7 days", async () => {
    const person = await makePerson("author");
    const res = await signIn(person.login, person.password);
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-masthead_session=[A-Za-z0-9_-]{43};/);
    const attributes = cookie?.split(";").slice(1).map((a) => a.trim()) ?? [];
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "Path=/", "SameSite=Strict", `Max-Age=${7 * 24 * 3600}`]));
    expect(attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers the person, without anything secret", async () => {
    const person = await makePerson("editor", { displayName: "李明" });
    const res = await signIn(person.login, person.password);
    const body = (await res.json()) as { me: Record<string, unknown> };
    expect(body.me).toMatchObject({ login: person.login, display_name: "李明", role: "editor", state: "active", passkeys: 0 });
    expect(JSON.stringify(body)).not.toContain("pbkdf2");
    expect(JSON.stringify(body)).not.toContain(person.password);
  });

  it("is a new token at every sign-in, and the one the browser held ends", async () => {
    const person = await makePerson("author");
    const res = await signIn(person.login, person.password, undefined, { Cookie: person.cookie });
    const fresh = sessionCookieOf(res);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(person.cookie);
    expect((await desk(person, "GET", "/api/v1/admin/me")).status).toBe(401);
    expect((await desk({ cookie: fresh ?? "" }, "GET", "/api/v1/admin/me")).status).toBe(200);
  });

  it("ends the session the browser held when an invite link is used in it, whoever's it was", async () => {
    const admin = await makePerson("admin");
    const invited = await invitePerson("author");
    const res = await authPost("/links/complete", { token: invited.token, password: "a good long password" }, { Cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect((await desk(admin, "GET", "/api/v1/admin/me")).status).toBe(401);
    expect((await desk({ cookie: sessionCookieOf(res) ?? "" }, "GET", "/api/v1/admin/me")).status).toBe(200);
  });

  it("ends at sign-out, which clears the cookie, and signing out without a session is fine too", async () => {
    const person = await makePerson("author");
    const out = await authPost("/logout", {}, { Cookie: person.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^__Host-masthead_session=;.*Max-Age=0/);
    expect((await desk(person, "GET", "/api/v1/admin/me")).status).toBe(401);
    expect((await authPost("/logout", {})).status).toBe(204);
  });
});

describe("wrong credentials answer alike", () => {
  it("answers 401 invalid_credentials, the same body, for a wrong password, an unknown login, a disabled and an invited person", async () => {
    const person = await makePerson("author");
    const invited = await invitePerson("author");
    const disabled = await makePerson("author");
    expect((await patchStaff(disabled.staff.id, { state: "disabled" })).status).toBe(200);
    const answers = await Promise.all([
      signIn(person.login, "not the password at all"),
      signIn(`nobody-${crypto.randomUUID()}`, person.password),
      signIn(invited.staff.login, "whatever they might try"),
      signIn(disabled.login, disabled.password),
    ]);
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.text(), cookie: r.headers.getSetCookie().length })));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]?.status).toBe(401);
    expect(JSON.parse(bodies[0]?.body ?? "{}")).toMatchObject({ error: { code: "invalid_credentials" } });
    expect(bodies[0]?.cookie).toBe(0);
  });

  it("finds the account whatever the case of the login", async () => {
    const person = await makePerson("author", { login: `Wang.Fang${Date.now()}` });
    expect((await signIn(person.login.toUpperCase(), person.password)).status).toBe(200);
  });

  /** `wang.fang` as a Chinese input method types it in full-width mode: ｗａｎｇ．ｆａｎｇ. */
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0));

  it("finds the account by a login typed in full-width form, on the API and on the desk's form", async () => {
    const person = await makePerson("author");
    expect((await signIn(fullWidth(person.login), person.password)).status).toBe(200);
    const form = new URLSearchParams({ login: fullWidth(person.login), password: person.password, next: "/desk" });
    const res = await fetchApp("/desk/login", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "CF-Connecting-IP": uniqueClientIp() },
      body: form.toString(),
    });
    expect([res.status, res.headers.get("Location")]).toEqual([303, "/desk"]);
  });

  it("stores a login invited in full-width form as its plain form, so either signs in", async () => {
    const login = uniqueLogin("fw");
    const invited = await invitePerson("author", { login: fullWidth(login) });
    expect(invited.staff.login).toBe(login);
  });
});

describe("passwords", () => {
  it("are stored as pbkdf2-sha256 with the current iteration count and a salt of their own", async () => {
    const a = await makePerson("author", { password: "same password for both" });
    const b = await makePerson("author", { password: "same password for both" });
    const [ha, hb] = [await storedHash(a.login), await storedHash(b.login)];
    expect(ha).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(iterationsOf(ha)).toBe(PASSWORD_ITERATIONS);
    expect(ha).not.toBe(hb);
    expect(ha.split("$")[2]).not.toBe(hb.split("$")[2]);
  });

  it("derive at 100,000 iterations inside workerd, the count Cloudflare allows", async () => {
    expect(PASSWORD_ITERATIONS).toBe(100_000);
    const hash = await hashPassword("a password long enough");
    expect(await verifyPassword("a password long enough", hash)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("a password long enougH", hash)).toEqual({ ok: false, needsRehash: false });
  });

  it("stored with fewer iterations still sign in, and are rehashed at the current count", async () => {
    const person = await makePerson("author");
    const record = await findStaffByLogin(env.DB, person.login);
    if (!record) throw new Error("no such person");
    // A hash from before a raise of the count, written the way the app writes a password.
    const weak = await hashPassword(person.password, 1000);
    await changePassword(env.DB, record.staff, { passwordHash: weak, session: { tokenHash: "x".repeat(64), method: "password", expiresAt: Date.now(), userAgent: "" }, extra: [] }, Date.now());
    expect(iterationsOf(await storedHash(person.login))).toBe(1000);
    expect((await signIn(person.login, person.password)).status).toBe(200);
    const after = await storedHash(person.login);
    expect(iterationsOf(after)).toBe(PASSWORD_ITERATIONS);
    expect((await signIn(person.login, person.password)).status).toBe(200);
  });

  it("are compared after NFKC: typed with a full-width input method, the same password signs in", async () => {
    const person = await makePerson("author", { password: "Qinglan2024news" });
    expect((await signIn(person.login, "Ｑｉｎｇｌａｎ２０２４ｎｅｗｓ")).status).toBe(200);
  });

  it.each([
    ["nine long", "at least 10 characters", "min_characters"],
    ["😀😀😀😀😀😀😀😀😀", "at least 10 characters", "min_characters"],
    ["          ", "must not be only spaces", "invisible"],
    ["\u200b".repeat(12), "at least 10 characters", "min_characters"],
    ["\0".repeat(10), "at least 10 characters", "min_characters"],
    ["a" + "\u200b".repeat(9), "at least 10 characters", "min_characters"],
    ["nine long" + "\u0007", "at least 10 characters", "min_characters"],
    // One character as typed, though NFKC makes it eighteen.
    ["\ufdfa", "at least 10 characters", "min_characters"],
    // Ten conjoining jamo as typed, five Hangul syllables once NFKC composes them.
    ["가나다라마".normalize("NFD"), "at least 10 characters", "min_characters"],
    ["x".repeat(1025), "at most 1024 bytes", "max_bytes"],
    ["长".repeat(342), "at most 1024 bytes", "max_bytes"],
  ])("refuse %j with 422 weak_password naming the rule, as the desk's page does before sending", async (password, words, rule) => {
    const invited = await invitePerson("author");
    const res = await authPost("/links/complete", { token: invited.token, password });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("weak_password");
    expect(error.message).toContain(words);
    expect(error.details).toEqual([{ path: "password", message: expect.stringContaining(words), rule }]);
    // The desk's page checks the same rule, so it never sends what is refused here.
    expect(pagePasswordProblem(password, password)?.info).toEqual({ details: [{ path: "password", message: rule, rule }] });
    // Nothing happened: the link still works.
    expect((await authPost("/links/complete", { token: invited.token, password: "a good long password" })).status).toBe(200);
  });

  it.each([["十个汉字的中文密码好吗"], ["😀😀😀😀😀😀😀😀😀😀"], ["x".repeat(1024)], ["ｍｉｍａ２０２４ｍｉｍａ"]])(
    "accept %j, on the page and on the server: characters are code points, bytes at most 1024",
    async (password) => {
      expect(pagePasswordProblem(password, password)).toBeNull();
      const invited = await invitePerson("author");
      expect((await authPost("/links/complete", { token: invited.token, password })).status).toBe(200);
      expect((await signIn(invited.staff.login, password)).status).toBe(200);
    },
  );
});

describe("the limit on guessing", () => {
  const lockedBody = async (res: Response) => {
    const { code, retry_after, retry_at } = (await errorOf(res)) as unknown as { code: string; retry_after: number; retry_at: string };
    return { status: res.status, code, retry_after, retry_at, header: res.headers.get("Retry-After") };
  };

  it("locks an account after 10 failures, the right password included, saying when to retry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2030, 0, 1, 8, 0, 0));
    const person = await makePerson("author");
    for (let i = 0; i < 10; i++) expect((await signIn(person.login, `wrong guess ${i}`)).status).toBe(401);
    const locked = await lockedBody(await signIn(person.login, person.password));
    expect(locked).toEqual({ status: 429, code: "too_many_failures", retry_after: 900, retry_at: "2030-01-01T16:15:00+08:00", header: "900" });
    // Nobody is locked out for good: the next window lets them in.
    vi.setSystemTime(Date.UTC(2030, 0, 1, 8, 15, 0));
    expect((await signIn(person.login, person.password)).status).toBe(200);
  });

  it("answers a login that does not exist exactly as one that does, locked or not", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2030, 0, 2, 8, 0, 0));
    const person = await makePerson("author");
    const nobody = `nobody${Date.now()}${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < 10; i++) {
      const [a, b] = await Promise.all([signIn(person.login, `guess ${i}`), signIn(nobody, `guess ${i}`)]);
      expect([a.status, b.status]).toEqual([401, 401]);
    }
    const [a, b] = await Promise.all([signIn(person.login, "guess"), signIn(nobody, "guess")]);
    expect(await lockedBody(a)).toEqual(await lockedBody(b));
  });

  it("lets no more than 10 of 40 concurrent wrong passwords be checked", async () => {
    const person = await makePerson("author");
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(person.login, `concurrent guess ${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });

  it("does not count a successful sign-in against the account", async () => {
    const person = await makePerson("author");
    for (let i = 0; i < 9; i++) expect((await signIn(person.login, `typo ${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signIn(person.login, person.password)).status).toBe(200);
    expect((await signIn(person.login, "one more typo")).status).toBe(401);
    expect((await signIn(person.login, "and another")).status).toBe(429);
  });

  it("limits one client address to 50 failures across accounts, without locking those accounts for others", async () => {
    const ip = uniqueClientIp();
    const people = await Promise.all(Array.from({ length: 6 }, () => makePerson("author")));
    let refused = 0;
    for (let i = 0; i < 51; i++) {
      const target = people[i % people.length];
      const res = await signIn(target?.login ?? "", `spray ${i}`, ip);
      if (res.status === 429) refused += 1;
      else expect(res.status).toBe(401);
    }
    expect(refused).toBe(1);
    const first = people[0];
    expect((await signIn(first?.login ?? "", first?.password ?? "", ip)).status).toBe(429);
    expect((await signIn(first?.login ?? "", first?.password ?? "")).status).toBe(200);
  });
});

describe("behind Cloudflare Access", () => {
  const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: "masthead-test.cloudflareaccess.com", ACCESS_AUD: "test-aud" };

  it("turns password sign-in, passkeys and links off with 403 access_only", async () => {
    for (const path of ["/login", "/passkey/options", "/passkey/verify", "/links/inspect", "/links/complete"]) {
      const res = await app.fetch(
        new Request(`http://localhost/api/v1/auth${path}`, { method: "POST", headers: DESK_HEADERS, body: JSON.stringify({ login: "a", password: "b" }) }),
        accessEnv,
        createExecutionContext(),
      );
      expect(res.status, path).toBe(403);
      expect((await errorOf(res)).code).toBe("access_only");
    }
  });
});
