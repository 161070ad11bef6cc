// The deployment's configuration holds together: what wrangler.toml enables is what the Worker expects.
import { describe, expect, it } from "vitest";
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
