// Who may do what: API keys, roles, the bearer middleware, lockout after repeated failures, key management.
import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import type { AppEnv } from "../src/env.ts";
import { authenticate } from "../src/auth/middleware.ts";
import { d1Session } from "../src/http/d1-session.ts";
import { requireRole } from "../src/auth/roles.ts";
import { type Role, roleAtLeast } from "../src/domain/role.ts";
import { KEY_PATTERN, constantTimeEqual, generateKey, hashKey, parseKey } from "../src/auth/keys.ts";
import { handleError } from "../src/http/errors.ts";
import { type ApiKeyRow, toApiKey } from "../src/db/keys.ts";
import { createKeySql, findKeySql, revokeKeySql, rotateKeySql, sqlLiteral } from "../src/db/keys-literal.ts";
import { makeKey, uniqueClientIp } from "./keys-fixture.ts";
import type { ErrorJson } from "./fixtures.ts";

const KEYS = "http://localhost/api/v1/admin/keys";

type KeyJson = { id: number; name: string; role: Role; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

const get = (url: string, headers: Record<string, string>) => exports.default.fetch(url, { headers });
const post = (url: string, headers: Record<string, string>, body?: unknown) =>
  exports.default.fetch(url, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

async function createViaApi(headers: Record<string, string>, role: Role = "editor") {
  const res = await post(KEYS, headers, { name: `made by test ${crypto.randomUUID().slice(0, 8)}`, role });
  expect(res.status).toBe(201);
  return (await res.json()) as { key: KeyJson; secret: string };
}

/** A well-formed key that no one was ever given. */
async function strangerKey() {
  return (await generateKey()).key;
}

describe("key format", () => {
  it("makes keys of the form mh_<8-char prefix>_<52-char secret> that parse back", async () => {
    const { key, prefix, hash } = await generateKey();
    expect(key).toMatch(KEY_PATTERN);
    expect(parseKey(key)).toEqual({ prefix, secret: key.slice(12) });
    expect(prefix).toHaveLength(8);
    expect(key.slice(12)).toHaveLength(52); // 32 random bytes in base32
    expect(hash).toBe(await hashKey(key));
  });

  it("never makes the same key twice", async () => {
    const keys = await Promise.all(Array.from({ length: 50 }, () => generateKey()));
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
  });

  it("refuses anything that is not exactly a key", async () => {
    const { key } = await generateKey();
    for (const bad of [
      "",
      key.toUpperCase(),
      ` ${key}`,
      `${key} `,
      `${key}a`,
      key.slice(0, -1),
      key.replace("mh_", "mk_"),
      key.replace(/_/g, "-"),
      `mh_abc_${key.slice(12)}`,
      `${key.slice(0, -1)}1`, // '1' is not base32
    ]) {
      expect(parseKey(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("hashes with hex SHA-256", async () => {
    expect(await hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("constant-time comparison", () => {
  it("is true only for identical strings", () => {
    const a = "0123456789abcdef".repeat(4);
    expect(constantTimeEqual(a, a)).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual(a, `x${a.slice(1)}`)).toBe(false);
    expect(constantTimeEqual(a, `${a.slice(0, -1)}x`)).toBe(false);
    expect(constantTimeEqual(a, a.slice(0, -1))).toBe(false);
    expect(constantTimeEqual(a.slice(0, -1), a)).toBe(false);
    expect(constantTimeEqual(a, "")).toBe(false);
    expect(constantTimeEqual("\u0100", "\u0000")).toBe(false);
    expect(constantTimeEqual("a", "a\u0000")).toBe(false);
  });
});

describe("roles", () => {
  it("orders author < editor < admin", () => {
    expect(roleAtLeast("author", "author")).toBe(true);
    expect(roleAtLeast("author", "editor")).toBe(false);
    expect(roleAtLeast("author", "admin")).toBe(false);
    expect(roleAtLeast("editor", "author")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("editor", "admin")).toBe(false);
    expect(roleAtLeast("admin", "author")).toBe(true);
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("admin", "admin")).toBe(true);
  });

  // A stand-in area with the real middleware, so each minimum can be tried with each role.
  const areas = new Hono<AppEnv>();
  areas.use("*", authenticate(), d1Session("editors"));
  for (const minimum of ["author", "editor", "admin"] as const) {
    areas.get(`/api/${minimum}`, requireRole(minimum), (c) => c.json({ role: c.get("actor").role }));
  }
  areas.onError(handleError);

  it("lets a key through requireRole(minimum) exactly when its role is at least the minimum", async () => {
    for (const role of ["author", "editor", "admin"] as const) {
      const { headers } = await makeKey(role);
      for (const minimum of ["author", "editor", "admin"] as const) {
        const res = await areas.request(`/api/${minimum}`, { headers }, env);
        expect(res.status, `${role} on ${minimum}`).toBe(roleAtLeast(role, minimum) ? 200 : 403);
      }
    }
  });

  it("answers 403 with a JSON error to authors and editors on key management, 200 to admins", async () => {
    for (const role of ["author", "editor"] as const) {
      const { headers } = await makeKey(role);
      const res = await get(KEYS, headers);
      expect(res.status).toBe(403);
      expect(res.headers.get("WWW-Authenticate")).toBeNull();
      expect(((await res.json()) as ErrorJson).error.code).toBe("forbidden");
      expect((await post(KEYS, headers, { name: "sneaky", role: "admin" })).status).toBe(403);
    }
    const { headers } = await makeKey("admin");
    expect((await get(KEYS, headers)).status).toBe(200);
  });
});

describe("authentication", () => {
  it("answers 401 with a bare Bearer challenge when no key is sent", async () => {
    const res = await get(KEYS, { "CF-Connecting-IP": uniqueClientIp() });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="masthead"');
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(((await res.json()) as ErrorJson).error.code).toBe("unauthorized");
  });

  it("answers 401 with error=invalid_token to a malformed bearer token", async () => {
    const { secret } = await makeKey("admin");
    for (const authorization of [`Bearer ${secret.slice(0, -2)}`, "Bearer mh_", `Bearer ${secret}x`, `Bearer  ${secret}.`]) {
      const res = await get(KEYS, { Authorization: authorization, "CF-Connecting-IP": uniqueClientIp() });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="masthead", error="invalid_token"');
    }
  });

  it("answers 401 with a bare challenge to another scheme or an empty header", async () => {
    const { secret } = await makeKey("admin");
    for (const authorization of [`Basic ${btoa(`user:${secret}`)}`, secret, "Bearer", ""]) {
      const res = await get(KEYS, { Authorization: authorization, "CF-Connecting-IP": uniqueClientIp() });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="masthead"');
    }
  });

  it("accepts the scheme in any case", async () => {
    const { secret } = await makeKey("admin");
    const res = await get(KEYS, { Authorization: `bearer ${secret}`, "CF-Connecting-IP": uniqueClientIp() });
    expect(res.status).toBe(200);
  });

  it("answers 401 to a well-formed key nobody was given", async () => {
    const res = await get(KEYS, { Authorization: `Bearer ${await strangerKey()}`, "CF-Connecting-IP": uniqueClientIp() });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="masthead", error="invalid_token"');
  });

  it("answers 401 to a real prefix with the wrong secret", async () => {
    const { key } = await makeKey("admin");
    const forged = `mh_${key.prefix}_${(await strangerKey()).slice(12)}`;
    const res = await get(KEYS, { Authorization: `Bearer ${forged}`, "CF-Connecting-IP": uniqueClientIp() });
    expect(res.status).toBe(401);
  });

  it("refuses a revoked key", async () => {
    const admin = await makeKey("admin");
    const victim = await makeKey("admin");
    expect((await get(KEYS, victim.headers)).status).toBe(200);
    const res = await post(`${KEYS}/${victim.key.id}/revoke`, admin.headers);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { key: KeyJson }).key.revoked_at).not.toBeNull();
    const after = await get(KEYS, victim.headers);
    expect(after.status).toBe(401);
    expect(after.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect(((await after.json()) as ErrorJson).error.message).toContain("revoked");
  });

  it("after a rotation refuses the old secret and accepts the new one, same key id, name and role", async () => {
    const admin = await makeKey("admin");
    const old = await makeKey("admin");
    const res = await post(`${KEYS}/${old.key.id}/rotate`, admin.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { key: KeyJson; secret: string; previous_prefix: string };
    expect(body.secret).toMatch(KEY_PATTERN);
    expect(body.key).toMatchObject({ id: old.key.id, name: old.key.name, role: "admin", revoked_at: null });
    expect(body.key.prefix).not.toBe(old.key.prefix);
    expect(body.previous_prefix).toBe(old.key.prefix);

    expect((await get(KEYS, old.headers)).status).toBe(401);
    expect((await get(KEYS, { Authorization: `Bearer ${body.secret}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(200);
  });

  it("records when a key was last used", async () => {
    const { key, headers } = await makeKey("admin");
    expect(key.lastUsedAt).toBeNull();
    expect((await get(KEYS, headers)).status).toBe(200);
    const row = await env.DB.prepare("SELECT last_used_at FROM api_keys WHERE id = ?").bind(key.id).first<{ last_used_at: number | null }>();
    expect(row?.last_used_at).toBeGreaterThan(0);
  });
});

describe("lockout after repeated failures", () => {
  // The configured defaults (wrangler.toml): 10 failures per 300-second window.
  const MAX_FAILURES = Number(env.AUTH_MAX_FAILURES);
  const WINDOW_SECONDS = Number(env.AUTH_WINDOW_SECONDS);

  it("answers 429 with Retry-After to a client after too many failures, even with a valid key", async () => {
    const ip = uniqueClientIp();
    const { authHeader } = await makeKey("admin");
    const wrong = { Authorization: `Bearer ${await strangerKey()}`, "CF-Connecting-IP": ip };
    for (let i = 0; i < MAX_FAILURES; i++) expect((await get(KEYS, wrong)).status).toBe(401);

    for (const headers of [wrong, { Authorization: authHeader, "CF-Connecting-IP": ip }, { "CF-Connecting-IP": ip }]) {
      const res = await get(KEYS, headers);
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get("Retry-After"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(((await res.json()) as ErrorJson).error.code).toBe("too_many_failures");
    }
  });

  it("does not lock out other clients", async () => {
    const ip = uniqueClientIp();
    const { authHeader } = await makeKey("admin");
    const wrong = { Authorization: `Bearer ${await strangerKey()}`, "CF-Connecting-IP": ip };
    for (let i = 0; i < MAX_FAILURES; i++) await get(KEYS, wrong);
    expect((await get(KEYS, { Authorization: authHeader, "CF-Connecting-IP": ip })).status).toBe(429);
    expect((await get(KEYS, { Authorization: authHeader, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(200);
  });

  it("still lets a client in one failure short of the limit", async () => {
    const ip = uniqueClientIp();
    const { authHeader } = await makeKey("admin");
    const wrong = { Authorization: `Bearer ${await strangerKey()}`, "CF-Connecting-IP": ip };
    for (let i = 0; i < MAX_FAILURES - 1; i++) await get(KEYS, wrong);
    expect((await get(KEYS, { Authorization: authHeader, "CF-Connecting-IP": ip })).status).toBe(200);
  });

  it("does not count a revoked key, which is no guess", async () => {
    const ip = uniqueClientIp();
    const admin = await makeKey("admin");
    const old = await makeKey("editor");
    expect((await post(`${KEYS}/${old.key.id}/revoke`, admin.headers)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES + 2; i++) {
      expect((await get(KEYS, { Authorization: old.authHeader, "CF-Connecting-IP": ip })).status).toBe(401);
    }
    expect((await get(KEYS, { Authorization: admin.authHeader, "CF-Connecting-IP": ip })).status).toBe(200);
  });

  it("does not count requests that carry no credentials", async () => {
    const ip = uniqueClientIp();
    const { authHeader } = await makeKey("admin");
    for (let i = 0; i < MAX_FAILURES + 2; i++) expect((await get(KEYS, { "CF-Connecting-IP": ip })).status).toBe(401);
    expect((await get(KEYS, { Authorization: authHeader, "CF-Connecting-IP": ip })).status).toBe(200);
  });

  it("lets no more than the limit of 100 concurrent guesses from one client get a 401", async () => {
    const ip = uniqueClientIp();
    const guesses = await Promise.all(
      Array.from({ length: 100 }, async () => (await get(KEYS, { Authorization: `Bearer ${await strangerKey()}`, "CF-Connecting-IP": ip })).status),
    );
    expect(guesses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(guesses.filter((s) => s === 429)).toHaveLength(100 - MAX_FAILURES);
  });

  it("treats a rotated key's old secret as a revoked key: 401, never counted as a guess", async () => {
    const ip = uniqueClientIp();
    const admin = await makeKey("admin");
    const tool = await makeKey("editor");
    const rotated = (await (await post(`${KEYS}/${tool.key.id}/rotate`, admin.headers)).json()) as { secret: string };
    for (let i = 0; i < MAX_FAILURES + 2; i++) {
      const res = await get("http://localhost/api/v1/admin/articles", { Authorization: tool.authHeader, "CF-Connecting-IP": ip });
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorJson).error.message).toContain("rotated");
    }
    expect((await get("http://localhost/api/v1/admin/articles", { Authorization: `Bearer ${rotated.secret}`, "CF-Connecting-IP": ip })).status).toBe(200);
    expect((await get(KEYS, { Authorization: admin.authHeader, "CF-Connecting-IP": ip })).status).toBe(200);
  });

  it("keeps a rotated secret's lookup to one round trip with the rest of authentication", async () => {
    const { headers } = await makeKey("editor");
    const res = await get("http://localhost/api/v1/admin/articles?limit=1", headers);
    expect(res.headers.get("Server-Timing")).toMatch(/round_trips=2 /);
  });
});

describe("key management", () => {
  it("creates a key: 201, the secret once, stored only as its SHA-256", async () => {
    const admin = await makeKey("admin");
    const res = await post(KEYS, admin.headers, { name: "  Newsroom CMS  ", role: "editor" });
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const { key, secret } = (await res.json()) as { key: KeyJson; secret: string };
    expect(res.headers.get("Location")).toBe(`/api/v1/admin/keys/${key.id}`);
    expect(secret).toMatch(KEY_PATTERN);
    expect(key).toMatchObject({ name: "Newsroom CMS", role: "editor", prefix: parseKey(secret)?.prefix, revoked_at: null });

    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(key.id).first<Record<string, unknown>>();
    expect(row?.secret_hash).toBe(await hashKey(secret));
    expect(JSON.stringify(row)).not.toContain(parseKey(secret)?.secret);

    // The new key works, with its role: an editor may not manage keys.
    expect((await get(KEYS, { Authorization: `Bearer ${secret}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(403);
  });

  it("lists keys without hashes or secrets", async () => {
    const admin = await makeKey("admin");
    const created = await createViaApi(admin.headers);
    const res = await get(KEYS, admin.headers);
    expect(res.status).toBe(200);
    const text = await res.text();
    const { items: keys } = JSON.parse(text) as { items: KeyJson[] };
    const listed = keys.find((k) => k.id === created.key.id);
    expect(listed).toEqual(created.key);
    for (const k of keys) {
      expect(Object.keys(k).sort()).toEqual(["created_at", "id", "last_used_at", "name", "prefix", "revoked_at", "role"]);
    }
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain(parseKey(created.secret)?.secret);
    expect(text).not.toContain(await hashKey(created.secret));
    expect(text).not.toContain(admin.secret);
  });

  it("shows one key by id, 404 for an unknown one", async () => {
    const admin = await makeKey("admin");
    const res = await get(`${KEYS}/${admin.key.id}`, admin.headers);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { key: KeyJson }).key.prefix).toBe(admin.key.prefix);
    expect((await get(`${KEYS}/999999999`, admin.headers)).status).toBe(404);
  });

  it("answers 404 to an id with leading zeros, which is not another spelling of the key", async () => {
    const admin = await makeKey("admin");
    const target = await createViaApi(admin.headers);
    for (const id of [`0${target.key.id}`, `000${target.key.id}`]) {
      expect((await get(`${KEYS}/${id}`, admin.headers)).status, id).toBe(404);
      expect((await post(`${KEYS}/${id}/revoke`, admin.headers)).status, id).toBe(404);
      expect((await post(`${KEYS}/${id}/rotate`, admin.headers)).status, id).toBe(404);
    }
    const res = await get(`${KEYS}/${target.key.id}`, admin.headers);
    expect(((await res.json()) as { key: KeyJson }).key).toMatchObject({ prefix: target.key.prefix, revoked_at: null });
  });

  it("refuses a query string on every key endpoint, revoking and rotating nothing", async () => {
    const admin = await makeKey("admin");
    const target = await createViaApi(admin.headers);
    expect((await get(`${KEYS}/${target.key.id}?q=x`, admin.headers)).status).toBe(400);
    expect((await post(`${KEYS}?role=admin`, admin.headers, { name: "带参数", role: "author" })).status).toBe(400);
    expect((await post(`${KEYS}/${target.key.id}/revoke?now=1`, admin.headers)).status).toBe(400);
    expect((await post(`${KEYS}/${target.key.id}/rotate?now=1`, admin.headers)).status).toBe(400);
    const res = await get(`${KEYS}/${target.key.id}`, admin.headers);
    expect(((await res.json()) as { key: KeyJson }).key).toMatchObject({ prefix: target.key.prefix, revoked_at: null });
    const list = (await (await get(KEYS, admin.headers)).json()) as { items: KeyJson[] };
    expect(list.items.some((k) => k.name === "带参数")).toBe(false);
  });

  it("lists every validation problem by field path", async () => {
    const admin = await makeKey("admin");
    const res = await post(KEYS, admin.headers, { name: "   ", role: "boss" });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path).sort()).toEqual(["name", "role"]);

    const missing = (await (await post(KEYS, admin.headers, {})).json()) as ErrorJson;
    expect(missing.error.details?.map((d) => d.path).sort()).toEqual(["name", "role"]);

    const wrongTypes = (await (await post(KEYS, admin.headers, { name: 7, role: null })).json()) as ErrorJson;
    expect(wrongTypes.error.details?.map((d) => d.path).sort()).toEqual(["name", "role"]);

    const long = await post(KEYS, admin.headers, { name: "x".repeat(101), role: "author" });
    expect(long.status).toBe(400);
  });

  it("refuses unknown fields, each listed", async () => {
    const admin = await makeKey("admin");
    const res = await post(KEYS, admin.headers, { name: "ok", role: "author", secret_hash: "00", is_root: true });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.details?.map((d) => d.path).sort()).toEqual(["is_root", "secret_hash"]);
  });

  it("answers 400 to a body that is not JSON, 413 to an oversized one, 415 to another media type", async () => {
    const admin = await makeKey("admin");
    const bad = await post(KEYS, admin.headers, "{name:");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorJson).error.details?.[0]?.path).toBe("(body)");
    expect((await post(KEYS, admin.headers, "null")).status).toBe(400);
    const huge = await post(KEYS, admin.headers, { name: "x".repeat(10_000), role: "author" });
    expect(huge.status).toBe(413);
    const form = await exports.default.fetch(KEYS, { method: "POST", headers: { ...admin.headers, "Content-Type": "text/plain" }, body: '{"name":"x","role":"author"}' });
    expect(form.status).toBe(415);
  });

  it("revokes idempotently, 404 for an unknown key, 409 when rotating a revoked key", async () => {
    const admin = await makeKey("admin");
    const target = await createViaApi(admin.headers);
    const first = (await (await post(`${KEYS}/${target.key.id}/revoke`, admin.headers)).json()) as { key: KeyJson };
    const again = await post(`${KEYS}/${target.key.id}/revoke`, admin.headers);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { key: KeyJson }).key.revoked_at).toBe(first.key.revoked_at);
    expect((await post(`${KEYS}/999999999/revoke`, admin.headers)).status).toBe(404);
    expect((await post(`${KEYS}/999999999/rotate`, admin.headers)).status).toBe(404);
    expect((await post(`${KEYS}/abc/revoke`, admin.headers)).status).toBe(404);
    const rotate = await post(`${KEYS}/${target.key.id}/rotate`, admin.headers);
    expect(rotate.status).toBe(409);
  });

  it("writes each change to the audit log under the acting key's name", async () => {
    const admin = await makeKey("admin");
    const created = await createViaApi(admin.headers, "author");
    const rotated = (await (await post(`${KEYS}/${created.key.id}/rotate`, admin.headers)).json()) as { key: KeyJson };
    await post(`${KEYS}/${rotated.key.id}/revoke`, admin.headers);
    const { results } = await env.DB.prepare("SELECT key_id, key_name, action, detail FROM audit_log WHERE key_id = ? ORDER BY id")
      .bind(admin.key.id)
      .all<{ key_id: number; key_name: string; action: string; detail: string }>();
    expect(results.map((r) => r.action)).toEqual(["key.create", "key.rotate", "key.revoke"]);
    for (const r of results) expect(r.key_name).toBe(admin.key.name);
    expect(JSON.parse(results[0]?.detail ?? "{}")).toMatchObject({ prefix: created.key.prefix, role: "author" });
    expect(JSON.parse(results[1]?.detail ?? "{}")).toMatchObject({ id: created.key.id, new_prefix: rotated.key.prefix });
    expect(JSON.parse(results[2]?.detail ?? "{}")).toMatchObject({ id: rotated.key.id });
    expect(results.map((r) => r.detail).join()).not.toContain(created.secret);
  });
});

describe("the key CLI's SQL (run here as wrangler d1 execute runs it: one batch)", () => {
  const run = async (statements: string[]) =>
    (await env.DB.batch<ApiKeyRow>(statements.map((sql) => env.DB.prepare(sql)))).map((r) => r.results);
  const cli = { id: null, name: "key CLI (test)" };
  const auditFor = async (prefix: string) =>
    (
      await env.DB.prepare("SELECT key_id, key_name, action FROM audit_log WHERE detail LIKE ? ORDER BY id")
        .bind(`%${prefix}%`)
        .all<{ key_id: number | null; key_name: string; action: string }>()
    ).results;

  it("quotes strings so any name is stored as written", async () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(42)).toBe("42");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(() => sqlLiteral(1.5)).toThrow();
    expect(() => sqlLiteral("a\u0000b")).toThrow();
    const name = `O'Brien's "desk"; DROP TABLE api_keys; -- ${crypto.randomUUID()}`;
    const material = await generateKey();
    const [, rows] = await run(createKeySql({ name, role: "editor" }, material, Date.now(), cli));
    expect(rows?.[0]?.name).toBe(name);
    expect(rows?.[0]?.secret_hash).toBe(material.hash);
  });

  it("creates keys the Worker accepts, and audits them", async () => {
    const material = await generateKey();
    const [, rows] = await run(createKeySql({ name: "cli admin", role: "admin" }, material, Date.now(), cli));
    const key = toApiKey(rows?.[0] as ApiKeyRow);
    expect(key).toMatchObject({ name: "cli admin", role: "admin", prefix: material.prefix, revokedAt: null });
    const res = await get(KEYS, { Authorization: `Bearer ${material.key}`, "CF-Connecting-IP": uniqueClientIp() });
    expect(res.status).toBe(200);
    expect(await auditFor(material.prefix)).toEqual([{ key_id: null, key_name: "key CLI (test)", action: "key.create" }]);
    const [found] = await run(findKeySql({ prefix: material.prefix }));
    expect(found?.map((r) => r.id)).toEqual([key.id]);
  });

  it("rotates in place and revokes once, auditing only what happened", async () => {
    const old = await makeKey("admin");
    const next = await generateKey();
    const [, updated] = await run(rotateKeySql(old.key, next, Date.now(), cli));
    expect(updated?.[0]).toMatchObject({ id: old.key.id, name: old.key.name, role: "admin", prefix: next.prefix });
    expect((await get(KEYS, old.headers)).status).toBe(401);
    expect((await get(KEYS, { Authorization: `Bearer ${next.key}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(200);
    // A second operator rotating from the prefix they listed before changes nothing: the first won.
    expect((await run(rotateKeySql(old.key, await generateKey(), Date.now(), cli)))[1]).toEqual([]);
    expect((await get(KEYS, { Authorization: `Bearer ${next.key}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(200);

    expect((await run(revokeKeySql(old.key.id, Date.now(), cli)))[0]).toHaveLength(1);
    expect((await run(revokeKeySql(old.key.id, Date.now() + 5, cli)))[0]).toHaveLength(0);
    // A revoked key cannot be rotated back to life.
    const again = await generateKey();
    expect((await run(rotateKeySql({ id: old.key.id, prefix: next.prefix }, again, Date.now() + 10, cli)))[1]).toEqual([]);
    expect((await get(KEYS, { Authorization: `Bearer ${next.key}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(401);
    expect((await get(KEYS, { Authorization: `Bearer ${again.key}`, "CF-Connecting-IP": uniqueClientIp() })).status).toBe(401);
    expect((await auditFor(next.prefix)).map((r) => r.action)).toEqual(["key.rotate", "key.revoke"]);
    // The rotation is found by the prefix listings showed before it, too.
    expect((await auditFor(old.key.prefix)).map((r) => r.action)).toEqual(["key.rotate"]);
    expect(await auditFor(again.prefix)).toEqual([]);
  });
});
