// When D1 fails: every error D1 documents, thrown by a stand-in D1 binding exactly as the binding throws it
// (`D1_ERROR: <message>`), is answered as what it means — "try again" a 503 with Retry-After in the site's
// look (or a stale copy), anything else a generic 500 that is logged. (A real SQLITE_BUSY, from a second
// connection holding the local database file: scripts/checks/d1-locked.ts.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import { failing } from "./failing-d1.ts";

const ORIGIN = "http://localhost";

/** A page no test has cached: its answer is rendered from D1 now. */
const uncachedPage = () => `/html/${uniqueSlug("d1")}/`;

const get = (path: string, message: string, headers: Record<string, string> = {}) =>
  settledFetch(`${ORIGIN}${path}`, { headers }, failing(message));

// Every D1 error that means "try again" (D1's error list: "Retry the operation"), with the wait it asks.
const TRANSIENT: readonly (readonly [string, number])[] = [
  ["D1_ERROR: D1 DB reset because its code was updated.", 5],
  ["D1_ERROR: Internal error while starting up D1 DB storage caused object to be reset.", 5],
  ["D1_ERROR: Network connection lost.", 5],
  ["D1_ERROR: Cannot resolve D1 DB due to transient issue on remote node.", 5],
  ["D1_ERROR: Can't read from request stream because client disconnected.", 5],
  ["D1_ERROR: D1 DB is overloaded. Too many requests queued.", 30],
  ["D1_ERROR: D1 DB's isolate exceeded its memory limit and was reset.", 5],
  ["D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.", 5],
  // SQLite's own, as local D1 words a write to a file another connection has locked...
  ["D1_ERROR: NOSENTRY database is locked: SQLITE_BUSY", 5],
  ["D1_ERROR: database table is locked: SQLITE_LOCKED", 5],
  // ...and a read of it (the runtime hides SQLITE_BUSY behind an internal error reference).
  ["D1_ERROR: Failed to parse body as JSON, got: Error: internal error; reference = 26hg6e0j85t7e2f6nvftlf7q", 5],
  // The binding's own request to D1 dropped: the runtime's error, without D1's prefix.
  ["Network connection lost.", 5],
];

// D1's errors that retrying cannot mend (a limit, or a query of ours), and the binding's own for our bugs.
const NOT_TRANSIENT: readonly string[] = [
  "D1_ERROR: Memory limit would be exceeded by this operation.",
  "D1_ERROR: Your account has exceeded D1's maximum account storage limit or this database has exceeded the maximum database size.",
  "D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'",
  "D1_COLUMN_NOTFOUND: Column not found (titel)",
  "D1_EXEC_ERROR: Error in line 1: SELEC 1: near \"SELEC\": syntax error: SQLITE_ERROR",
  "D1_ERROR: no such table: artcles: SQLITE_ERROR",
  "D1_ERROR: UNIQUE constraint failed: sections.path: SQLITE_CONSTRAINT",
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a D1 error that means try again", () => {
  for (const [message, wait] of TRANSIENT) {
    it(`is a 503 with Retry-After: ${wait} and the site's error page: ${message}`, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const res = await get(uncachedPage(), message);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe(String(wait));
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      const page = await res.text();
      expect(page).toContain("数据库暂时不可用");
      expect(page).toContain('<link rel="stylesheet"');
      expect(page).not.toContain(message);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^D1 unavailable \(.+\)$/), "GET", expect.any(String), expect.any(Error));
    });
  }

  it("is a 503 in JSON, with retry_after, to the API and to an editor", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const api = await get(`/api/v1/articles?section=${uniqueSlug("d1")}`, "D1_ERROR: D1 DB is overloaded. Too many requests queued.");
    expect(api.status).toBe(503);
    expect(api.headers.get("Retry-After")).toBe("30");
    expect(await api.json()).toMatchObject({ error: { code: "unavailable", retry_after: 30 } });
    const editor = await makeKey("editor");
    const desk = await settledFetch(`${ORIGIN}/api/v1/admin/articles`, { headers: editor.headers }, failing("D1_ERROR: NOSENTRY database is locked: SQLITE_BUSY"));
    expect(desk.status).toBe(503);
    expect(desk.headers.get("Retry-After")).toBe("5");
    expect(await desk.json()).toMatchObject({ error: { code: "unavailable", retry_after: 5 } });
  });

  it("leaves readers the stale copy of a page that was cached", async () => {
    const section = uniqueSlug("d1");
    await makeSection(section, "锁库栏目");
    await makeArticles(section, 2);
    const path = `/html/${section}/`;
    const fresh = await settledFetch(`${ORIGIN}${path}`, {}, { EDGE_TTL_SECONDS: "0" });
    expect(fresh.status).toBe(200);
    const body = await fresh.text();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const stale = await settledFetch(`${ORIGIN}${path}`, {}, { EDGE_TTL_SECONDS: "0", ...failing("D1_ERROR: NOSENTRY database is locked: SQLITE_BUSY") });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("X-Cache")).toBe("STALE");
    expect(await stale.text()).toBe(body);
  });
});

describe("a D1 error that retrying cannot mend", () => {
  for (const message of NOT_TRANSIENT) {
    it(`is a generic 500, logged, its text kept from the client: ${message}`, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const page = await get(uncachedPage(), message);
      expect(page.status).toBe(500);
      expect(page.headers.get("Retry-After")).toBeNull();
      const html = await page.text();
      expect(html).toContain("服务器内部错误");
      expect(html).not.toContain(message.slice(message.indexOf(":") + 2));
      const json = await get(`/api/v1/articles?section=${uniqueSlug("d1")}`, message);
      expect(json.status).toBe(500);
      expect(await json.json()).toEqual({ error: { code: "internal_error", message: "服务器内部错误 / Internal server error" } });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^(D1 refused \(.+\)|unhandled error)$/), "GET", expect.any(String), expect.any(Error));
    });
  }
});
