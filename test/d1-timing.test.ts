// Every response says what it asked of D1, so the cost of a page is visible and measurable.
import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { D1Meter } from "../src/db/metered.ts";
import { makeKey } from "./keys-fixture.ts";

const TIMING = /d1;dur=\d+;desc="round_trips=(\d+) queries=(\d+) rows_read=(\d+) rows_written=(\d+)"/;

describe("Server-Timing", () => {
  it("counts the queries and rows of a request", async () => {
    const editor = await makeKey("editor");
    const res = await exports.default.fetch("http://localhost/api/v1/admin/articles?limit=1", { headers: editor.headers });
    expect(res.status).toBe(200);
    const [, roundTrips, queries, rowsRead] = TIMING.exec(res.headers.get("Server-Timing") ?? "") ?? [];
    expect(Number(roundTrips)).toBe(2);
    expect(Number(queries)).toBeGreaterThanOrEqual(2);
    expect(Number(rowsRead)).toBeGreaterThan(0);
  });

  it("is sent on refusals too", async () => {
    const res = await exports.default.fetch("http://localhost/api/v1/admin/articles");
    expect(res.status).toBe(401);
    expect(res.headers.get("Server-Timing")).toMatch(TIMING);
  });
});

describe("the metered D1 binding", () => {
  it("answers exactly as D1 does, and counts every way of querying", async () => {
    const meter = new D1Meter();
    const db = meter.wrap(env.DB);
    const one = db.prepare("SELECT 1 AS a, 2 AS b");
    expect(await one.first()).toEqual(await env.DB.prepare("SELECT 1 AS a, 2 AS b").first());
    expect(await one.first("b")).toBe(2);
    await expect(one.first("nope")).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
    await expect(env.DB.prepare("SELECT 1 AS a").first("nope")).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
    expect(await one.raw()).toEqual([[1, 2]]);
    const [batched] = await db.batch([one]);
    expect(batched?.results).toEqual([{ a: 1, b: 2 }]);
    const session = db.withSession("first-unconstrained");
    expect(await session.prepare("SELECT 3 AS c").first("c")).toBe(3);
    expect(meter.usage.queries).toBe(6);
    expect(meter.usage.roundTrips).toBe(6);
  });
});
