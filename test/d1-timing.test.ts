// Every response says what it asked of D1, so the cost of a page is visible and measurable.
import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { makeKey } from "./keys-fixture.ts";

const TIMING = /d1;dur=\d+;desc="queries=(\d+) rows_read=(\d+) rows_written=(\d+)"/;

describe("Server-Timing", () => {
  it("counts the queries and rows of a request", async () => {
    const editor = await makeKey("editor");
    const res = await exports.default.fetch("http://localhost/api/v1/admin/articles?limit=1", { headers: editor.headers });
    expect(res.status).toBe(200);
    const [, queries, rowsRead] = TIMING.exec(res.headers.get("Server-Timing") ?? "") ?? [];
    expect(Number(queries)).toBeGreaterThanOrEqual(2);
    expect(Number(rowsRead)).toBeGreaterThan(0);
  });

  it("is sent on refusals too", async () => {
    const res = await exports.default.fetch("http://localhost/api/v1/admin/articles");
    expect(res.status).toBe(401);
    expect(res.headers.get("Server-Timing")).toMatch(TIMING);
  });
});
