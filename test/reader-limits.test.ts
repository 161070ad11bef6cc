// Who reaches D1 on a reader route, and how often: only a verified editor's key reads past the edge cache
// (a junk credential or a stray bookmark is a reader's request, answered from the cache); what the cache
// cannot answer counts against the client's rate limit, and a cached answer never does; every sign-in request
// counts against the authentications limit before it reaches D1.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { makeArticles, uniqueSlug } from "./fixtures.ts";
import { makeKey, uniqueClientIp } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import type { ErrorJson } from "./fixtures.ts";
import { DESK_HEADERS, makePerson } from "./staff-fixture.ts";

const ORIGIN = "http://localhost";
const read = (path: string, headers: Record<string, string> = {}, bindings: Partial<typeof env> = {}) =>
  settledFetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }, bindings);

/** A D1 binding that counts every statement prepared through it, and every batch sent. */
function countingDb() {
  const seen = { statements: [] as string[] };
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => {
          seen.statements.push(sql);
          return target.prepare(sql);
        };
      }
      if (prop === "withSession") {
        return (constraint: string) => {
          seen.statements.push(`session ${constraint}`);
          return target.withSession(constraint);
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, seen };
}

/** A Rate Limiting binding that lets `allowed` calls through, then refuses, and records the keys it was asked. */
function standInLimit(allowed: number) {
  const keys: string[] = [];
  const binding: RateLimit = {
    limit: async ({ key }) => {
      keys.push(key);
      return { success: keys.length <= allowed };
    },
  };
  return { binding, keys };
}

/** A section page, already in the cache. */
async function cachedPage(): Promise<string> {
  const section = uniqueSlug("rl");
  await makeArticles(section, 2);
  const path = `/html/${section}/`;
  await read(path);
  expect((await read(path)).headers.get("X-Cache")).toBe("HIT");
  return path;
}

describe("reading past the cache", () => {
  it("takes a junk credential, a short key, another scheme or a bookmark for a reader's request: a hit, no D1", async () => {
    const path = await cachedPage();
    const readers: Record<string, string>[] = [
      { Authorization: "junk" },
      { Authorization: "Bearer mh_aaaaaaaa_bbbb" },
      { Authorization: "Basic dXNlcjpwYXNzd29yZA==" },
      { Authorization: "Bearer reads-past-the-cache" },
      { "x-d1-bookmark": "0000000a-00000001-00004f0c-a8e5d0f0c5b6d6a1b6c6d6e6f606a6b6" },
      { Cookie: "session=editor" },
    ];
    for (const headers of readers) {
      const { db, seen } = countingDb();
      const res = await read(path, headers, { DB: db });
      expect([res.status, res.headers.get("X-Cache")], JSON.stringify(headers)).toEqual([200, "HIT"]);
      expect(res.headers.get("Cache-Control"), JSON.stringify(headers)).toMatch(/^public, /);
      expect(seen.statements, JSON.stringify(headers)).toEqual([]);
    }
  });

  it("answers a Masthead key that does not verify 401, counted as a failed guess, without rendering", async () => {
    const path = await cachedPage();
    const client = uniqueClientIp();
    const guess = `mh_${"a".repeat(8)}_${"b".repeat(52)}`;
    const { db, seen } = countingDb();
    const res = await read(path, { Authorization: `Bearer ${guess}`, "CF-Connecting-IP": client }, { DB: db });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    // The key check alone: nothing of the page was read.
    expect(seen.statements.some((sql) => /auth_failures/.test(sql))).toBe(true);
    expect(seen.statements.filter((sql) => /\b(articles|section_listing|sections)\b/.test(sql))).toEqual([]);
    const failures = await env.DB.prepare(`SELECT sum(failures) AS n FROM auth_failures WHERE client = ?`).bind(client).first<{ n: number }>();
    expect(failures?.n).toBe(1);
  });

  it("lets a verified editor's key read past it, privately, and honours their bookmark", async () => {
    const path = await cachedPage();
    const editor = await makeKey("editor");
    const res = await read(path, editor.headers);
    expect([res.status, res.headers.get("X-Cache"), res.headers.get("Cache-Control")]).toEqual([200, "BYPASS", "private, no-store"]);
    expect((await read(path, { ...editor.headers, "x-d1-bookmark": "not-a-bookmark" })).status).toBe(400);
  });
});

describe("the rate limit on what reaches D1", () => {
  it("never counts a cached answer", async () => {
    const path = await cachedPage();
    const limit = standInLimit(0);
    for (let i = 0; i < 5; i++) {
      const res = await read(path, { "CF-Connecting-IP": "203.0.113.9" }, { READER_MISSES: limit.binding });
      expect([res.status, res.headers.get("X-Cache")]).toEqual([200, "HIT"]);
    }
    expect(limit.keys).toEqual([]);
  });

  it("counts each miss against the client's address (one shared bucket without one)", async () => {
    const section = uniqueSlug("rm");
    await makeArticles(section, 1);
    const limit = standInLimit(10);
    await read(`/html/${section}/`, { "CF-Connecting-IP": "203.0.113.10" }, { READER_MISSES: limit.binding });
    await read(`/api/v1/articles?section=${section}`, {}, { READER_MISSES: limit.binding });
    await read(`/search?q=${section}`, { "CF-Connecting-IP": "2001:db8::1" }, { READER_MISSES: limit.binding });
    expect(limit.keys).toEqual(["203.0.113.10", "unknown", "2001:db8::1"]);
  });

  it("answers a page over the limit 429 in the site's look, and the API in JSON, with Retry-After, kept by no one", async () => {
    const section = uniqueSlug("r4");
    await makeArticles(section, 1);
    const over = standInLimit(0);
    const page = await read(`/html/${section}/`, {}, { READER_MISSES: over.binding });
    expect(page.status).toBe(429);
    expect(page.headers.get("Retry-After")).toBe("60");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("请求过于频繁");
    // Nothing of the refusal was kept: the next reader within the limit gets the page itself.
    const next = await read(`/html/${section}/`);
    expect([next.status, next.headers.get("X-Cache")]).toEqual([200, "MISS"]);
    for (const path of [`/api/v1/articles?section=${section}`, `/api/v1/search?q=${section}`]) {
      const api = await read(path, {}, { READER_MISSES: standInLimit(0).binding });
      expect([api.status, api.headers.get("Retry-After"), api.headers.get("Cache-Control")], path).toEqual([429, "60", "no-store"]);
      expect(((await api.json()) as ErrorJson & { error: { retry_after: number } }).error, path).toMatchObject({ code: "too_many_requests", retry_after: 60 });
    }
  });

  it("serves a client over its limit the stale copy when there is one", async () => {
    const section = uniqueSlug("rs");
    await makeArticles(section, 1);
    const path = `/html/${section}/`;
    const body = await (await read(path, {}, { EDGE_TTL_SECONDS: "0" })).text();
    const stale = await read(path, {}, { EDGE_TTL_SECONDS: "0", READER_MISSES: standInLimit(0).binding });
    expect([stale.status, stale.headers.get("X-Cache")]).toEqual([200, "STALE"]);
    expect(await stale.text()).toBe(body);
  });

  it("counts authentications before any D1: the admin API and a key on a reader route", async () => {
    const editor = await makeKey("editor");
    const auth = standInLimit(0);
    const { db, seen } = countingDb();
    const admin = await read("/api/v1/admin/articles", editor.headers, { AUTHENTICATIONS: auth.binding, DB: db });
    expect(admin.status).toBe(429);
    expect(((await admin.json()) as ErrorJson).error.code).toBe("too_many_requests");
    const reader = await read("/api/v1/sections", editor.headers, { AUTHENTICATIONS: auth.binding, DB: db });
    expect(reader.status).toBe(429);
    expect(seen.statements).toEqual([]);
    expect(auth.keys).toEqual([editor.headers["CF-Connecting-IP"], editor.headers["CF-Connecting-IP"]]);
  });

  it("counts every sign-in request before any D1: the sign-in API and the desk's form, refused in Chinese", async () => {
    const person = await makePerson("author");
    const client = uniqueClientIp();
    const requests: [string, unknown][] = [
      ["/api/v1/auth/login", { login: person.login, password: person.password }],
      ["/api/v1/auth/logout", {}],
      ["/api/v1/auth/passkey/options", {}],
      ["/api/v1/auth/passkey/verify", { response: {} }],
      ["/api/v1/auth/links/inspect", { token: "x".repeat(43) }],
      ["/api/v1/auth/links/complete", { token: "x".repeat(43), password: "a long enough password" }],
    ];
    const auth = standInLimit(0);
    const { db, seen } = countingDb();
    for (const [path, body] of requests) {
      const headers = { ...DESK_HEADERS, "CF-Connecting-IP": client, Cookie: person.cookie };
      const res = await settledFetch(`${ORIGIN}${path}`, { method: "POST", headers, body: JSON.stringify(body) }, { AUTHENTICATIONS: auth.binding, DB: db });
      expect([res.status, res.headers.get("Retry-After"), res.headers.get("Cache-Control")], path).toEqual([429, "60", "no-store"]);
      expect(((await res.json()) as ErrorJson).error.code, path).toBe("too_many_requests");
    }
    const form = new URLSearchParams({ login: person.login, password: person.password, next: "/desk" });
    const page = await settledFetch(
      `${ORIGIN}/desk/login`,
      { method: "POST", headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": client }, body: form, redirect: "manual" },
      { AUTHENTICATIONS: auth.binding, DB: db },
    );
    expect([page.status, page.headers.get("Retry-After")]).toEqual([429, "60"]);
    expect(await page.text()).toContain("请求过于频繁，请一分钟后再试");
    // The desk opens a D1 session for every page (which sends nothing); no statement was prepared.
    expect(seen.statements.filter((sql) => !sql.startsWith("session "))).toEqual([]);
    expect(auth.keys).toEqual(Array(requests.length + 1).fill(client));
  });

  it("is the pool's own Rate Limiting binding locally: three misses a minute from one address, then 429", async () => {
    // TEST_LIMIT (vitest.config.ts) allows 3 a minute; its windows turn on the minute, so a run that straddles
    // one starts again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const client = uniqueClientIp();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await read(`/html/${uniqueSlug("nx")}/`, { "CF-Connecting-IP": client }, { READER_MISSES: env.TEST_LIMIT });
        statuses.push(res.status);
      }
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(statuses).toEqual([404, 404, 404, 429]);
      return;
    }
    throw new Error("three attempts each straddled a minute");
  });
});

describe("stored sign-in challenges", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forget the expired ones whenever a new one is stored, so asking often cannot fill the table", async () => {
    const ask = () => settledFetch(`${ORIGIN}/api/v1/auth/passkey/options`, { method: "POST", headers: { ...DESK_HEADERS, "CF-Connecting-IP": uniqueClientIp() }, body: "{}" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 10 * 60_000);
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    vi.useRealTimers();
    const expired = () => env.DB.prepare(`SELECT count(*) AS n FROM webauthn_challenges WHERE expires_at < ?`).bind(Date.now()).first<{ n: number }>();
    expect((await expired())?.n).toBeGreaterThanOrEqual(3);
    expect((await ask()).status).toBe(200);
    expect((await expired())?.n).toBe(0);
  });
});
