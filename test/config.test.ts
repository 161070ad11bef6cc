// The deployment's configuration holds together: what wrangler.toml enables is what the Worker expects, and
// each [var] the Worker reads as a number or a choice is read by one rule, a bad value named when it is read.
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../src/index.ts";
import { authLimits, edgeTtlSeconds, signInConfig } from "../src/config.ts";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { admin } from "./admin-fixture.ts";
import { settledFetch } from "./settle.ts";
// Read as text at build time: the pool serves the project's files to the test module.
import toml from "../wrangler.toml?raw";
import { FAILED_PING_QUEUE, PING_QUEUE } from "../src/websub/consumer.ts";
import { PURGE_QUEUE } from "../src/cache/purge-queue.ts";

describe("wrangler.toml", () => {
  it("enables Workers Cache exactly when the Worker is told to purge it (never two caches, one purged)", () => {
    const cacheEnabled = /^\[cache\]\s*\n\s*enabled\s*=\s*true/m.test(toml);
    const mode = /^EDGE_CACHE\s*=\s*"([^"]*)"/m.exec(toml)?.[1];
    expect(mode === "workers").toBe(cacheEnabled);
  });

  it("stays at a compatibility date every local runtime accepts (npm's Miniflare refuses later than 2026-07-30)", () => {
    const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml)?.[1] ?? "";
    expect(date <= "2026-07-30").toBe(true);
  });

  it("sends WebSub pings and refused purges to queues the Worker consumes, one purge batch at a time", () => {
    const tables = (name: string) => [...toml.matchAll(new RegExp(`^\\[\\[${name.replace(".", "\\.")}\\]\\]\\n([\\s\\S]*?)(?=^\\[|$(?![\\s\\S]))`, "gm"))].map((m) => m[1] ?? "");
    const value = (table: string, key: string) => new RegExp(`^${key}\\s*=\\s*"?([^"\\n]*)"?`, "m").exec(table)?.[1];
    const producers = tables("queues.producers");
    const consumers = tables("queues.consumers");
    expect(producers.map((t) => [value(t, "binding"), value(t, "queue")])).toEqual([["WEBSUB_PINGS", PING_QUEUE], ["PURGES", PURGE_QUEUE]]);
    expect(consumers.map((t) => value(t, "queue"))).toEqual([PING_QUEUE, FAILED_PING_QUEUE, PURGE_QUEUE]);
    expect(value(consumers[2] ?? "", "max_concurrency")).toBe("1");
    expect(value(consumers[0] ?? "", "dead_letter_queue")).toBe(FAILED_PING_QUEUE);
    expect(Number(value(consumers[0] ?? "", "max_retries"))).toBeGreaterThan(0);
  });

  it("limits each client's requests to D1 with two Rate Limiting bindings, each its own namespace", () => {
    const limits = [...toml.matchAll(/^\[\[ratelimits\]\]\nname = "([A-Z_]+)"\nnamespace_id = "(\d+)"\nsimple = \{ limit = (\d+), period = (\d+) \}/gm)];
    expect(limits.map((m) => m[1])).toEqual(["READER_MISSES", "AUTHENTICATIONS"]);
    expect(new Set(limits.map((m) => m[2])).size).toBe(2);
    // The binding counts over 10 or 60 seconds only, and a 429's Retry-After (60) covers either.
    for (const m of limits) expect(["10", "60"]).toContain(m[4]);
  });

  it("configures no WebSub hub by default: no hub links and no pings until one is chosen", () => {
    expect(/^WEBSUB_HUB\s*=\s*"([^"]*)"/m.exec(toml)?.[1]).toBe("");
  });
});

describe("the [vars], read by one rule each", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads wrangler.toml's values as the numbers they stand for", () => {
    expect(authLimits(env)).toEqual({ maxFailures: Number(env.AUTH_MAX_FAILURES), windowMs: Number(env.AUTH_WINDOW_SECONDS) * 1000 });
    expect(signInConfig(env).limits.windowMs).toBe(Number(env.SIGN_IN_WINDOW_SECONDS) * 1000);
    expect(signInConfig(env).access).toBeNull();
    expect(edgeTtlSeconds({ EDGE_TTL_SECONDS: "0" })).toBe(0);
    // Unset or empty: a day.
    expect(edgeTtlSeconds({})).toBe(86_400);
    expect(edgeTtlSeconds({ EDGE_TTL_SECONDS: "" })).toBe(86_400);
  });

  it("refuses a bad value with an error that names the variable and what it holds", () => {
    expect(() => authLimits({ ...env, AUTH_WINDOW_SECONDS: "5 minutes" })).toThrow('AUTH_WINDOW_SECONDS must be a positive integer, not "5 minutes"');
    expect(() => authLimits({ ...env, AUTH_MAX_FAILURES: "0" })).toThrow('AUTH_MAX_FAILURES must be a positive integer, not "0"');
    expect(() => signInConfig({ ...env, SESSION_IDLE_HOURS: "1.5" })).toThrow('SESSION_IDLE_HOURS must be a positive integer, not "1.5"');
    expect(() => edgeTtlSeconds({ EDGE_TTL_SECONDS: "-1" })).toThrow('EDGE_TTL_SECONDS must be a whole number of seconds, not "-1"');
    expect(() => signInConfig({ ...env, LINK_HOURS: "" })).toThrow('LINK_HOURS must be a positive integer, not ""');
    expect(() => signInConfig({ ...env, ACCESS_AUD: "aud" })).toThrow("ACCESS_TEAM_DOMAIN and ACCESS_AUD go together: set both, or neither");
    expect(() => signInConfig({ ...env, ACCESS_TEAM_DOMAIN: "not a team", ACCESS_AUD: "aud" })).toThrow('ACCESS_TEAM_DOMAIN must look like "newsroom.cloudflareaccess.com", not "not a team"');
  });

  it("checks each env on its own: a good one read first does not vouch for a bad one", () => {
    const good = { EDGE_TTL_SECONDS: "60" };
    expect(edgeTtlSeconds(good)).toBe(60);
    expect(() => edgeTtlSeconds({ ...good, EDGE_TTL_SECONDS: "soon" })).toThrow("EDGE_TTL_SECONDS");
  });

  it("answers the admin API generically and logs the variable when AUTH_WINDOW_SECONDS is bad", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const key = await makeKey("editor");
    const res = await settledFetch("http://localhost/api/v1/admin/articles", { headers: key.headers }, { AUTH_WINDOW_SECONDS: "300s" });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("AUTH_WINDOW_SECONDS");
    expect(String(logged.mock.calls.flat())).toContain('AUTH_WINDOW_SECONDS must be a positive integer, not "300s"');
  });

  it("still publishes scheduled articles when a failure window is bad, and logs which", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const now = Date.now();
    const article = await makeArticle({ section: uniqueSlug("cfg"), status: "scheduled", publish_at: now + 60_000 });
    const ctx = createExecutionContext();
    const controller = createScheduledController({ scheduledTime: now + 120_000, cron: "* * * * *" });
    await worker.scheduled(controller, { ...env, SIGN_IN_WINDOW_SECONDS: "a quarter hour" }, ctx);
    await waitOnExecutionContext(ctx);
    expect((await admin(await makeKey("editor"), "GET", `/${article.id}`)).status).toBe("published");
    expect(String(logged.mock.calls.flat())).toContain('SIGN_IN_WINDOW_SECONDS must be a positive integer, not "a quarter hour"');
  });
});
