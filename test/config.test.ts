// The deployment's configuration holds together: what wrangler.toml enables is what the Worker expects.
import { describe, expect, it } from "vitest";
// Read as text at build time: the pool serves the project's files to the test module.
import toml from "../wrangler.toml?raw";

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
});
