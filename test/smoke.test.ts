import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { env } from "cloudflare:workers";

describe("toolchain", () => {
  it("runs the worker with a migrated D1", async () => {
    const res = await exports.default.fetch("http://example.com/nope");
    expect(res.status).toBe(404);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM sections").first<{ n: number }>();
    expect(row?.n).toBe(0);
    await env.DB.prepare("CREATE VIRTUAL TABLE IF NOT EXISTS fts_probe USING fts5(x)").run();
  });
});
