// The edge cache: readers are answered from it, and after any change no URL that showed the article serves
// the old version. "Fresh" is checked exactly: the cached answer must be byte for byte what a request that
// bypasses the cache (and renders from D1 now) gets.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { signPreview } from "../src/auth/preview-links.ts";
import { shanghaiMonth } from "../src/content/dates.ts";
import { makeArticle, makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import { expectFresh, read, warm } from "./freshness.ts";
import { admin } from "./admin-fixture.ts";

const ORIGIN = "http://localhost";

const page = (section: string, n = 1) => (n === 1 ? `/html/${section}/` : `/html/${section}/index_${n}.html`);
const articlePath = (section: string, id: number) => `/html/${section}/${id}.html`;

/** A top-level section with two subsections; 22 articles in `a` (two pages) and 3 in `b`. */
async function newsroom() {
  const root = uniqueSlug("ec");
  const a = `${root}/a`;
  const b = `${root}/b`;
  await makeSection(a, "甲栏目");
  await makeSection(b, "乙栏目");
  const start = Date.UTC(2024, 0, 1) + Math.floor(Math.random() * 1e9);
  const inA = await makeArticles(a, 22, start);
  const inB = await makeArticles(b, 3, start + 30_000);
  const editor = await makeKey("editor");
  return { root, a, b, inA, inB, editor };
}

/** Every URL that shows an article of `a` or its listings: pages, neighbours, home, the JSON API. */
function purgeSet(n: Awaited<ReturnType<typeof newsroom>>, ids: number[], section = n.a) {
  return [
    ...ids.map((id) => articlePath(section, id)),
    ...ids.map((id) => `/api/v1/articles/${id}`),
    page(n.a), page(n.a, 2), page(n.root), page(n.root, 2), page(n.b),
    "/",
    `/api/v1/articles?section=${n.a}`,
    `/api/v1/articles?section=${n.root}`,
    "/api/v1/articles",
  ];
}

describe("how a reader is served", () => {
  it("answers MISS, then HIT from the cache, then MISS again after a change, then HIT", async () => {
    const n = await newsroom();
    const target = n.inA[10] as { id: number; version: number };
    const path = articlePath(n.a, target.id);
    const first = await read(path);
    expect(first.headers.get("X-Cache")).toBe("MISS");
    expect(first.headers.get("Server-Timing")).toMatch(/d1;dur=\d+/);
    const second = await read(path);
    expect(second.headers.get("X-Cache")).toBe("HIT");
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(Number(second.headers.get("Age"))).toBeGreaterThanOrEqual(0);
    // A hit reads nothing from D1: the timing names the cache alone.
    expect(second.headers.get("Server-Timing")).not.toMatch(/d1;/);
    await admin(n.editor, "PATCH", `/${target.id}`, { title: "改过的标题" });
    const third = await read(path);
    expect(third.headers.get("X-Cache")).toBe("MISS");
    expect(await third.text()).toContain("改过的标题");
    expect((await read(path)).headers.get("X-Cache")).toBe("HIT");
  });

  it("answers 304 to a client that holds the current copy, by weak comparison, without D1", async () => {
    const n = await newsroom();
    const path = page(n.a);
    const etag = (await read(path)).headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = await read(path, { "If-None-Match": tag });
      expect(res.status, tag).toBe(304);
      expect(res.headers.get("ETag")).toBe(etag);
      expect(res.headers.get("Cache-Control")).toMatch(/^public, max-age=30/);
      expect(res.headers.get("Server-Timing")).not.toMatch(/d1;/);
    }
    expect((await read(path, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("answers HEAD like GET, without a body, from the cache too", async () => {
    const n = await newsroom();
    const path = page(n.a);
    const get = await read(path);
    const head = await settledFetch(`${ORIGIN}${path}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("ETag")).toBe(get.headers.get("ETag"));
    expect(head.headers.get("X-Cache")).toBe("HIT");
  });

  it("labels every reader answer for browsers and the edge, and lets a 404 be kept briefly", async () => {
    const n = await newsroom();
    const res = await read(page(n.a));
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=60, stale-if-error=604800");
    // The edge's directives and tags are for Cloudflare, not for browsers.
    expect(res.headers.get("Cache-Tag")).toBeNull();
    const missing = await read(`/html/${n.a}/999999999.html`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Cache-Control")).toBe("public, max-age=10");
    // The Worker does not keep 404s itself (a registration in D1 for each of infinitely many URLs).
    expect((await read(`/html/${n.a}/999999999.html`)).headers.get("X-Cache")).toBe("MISS");
  });

  it("never serves or keeps a copy for editors, and keeps no JSON error a page's URL gives a JSON client", async () => {
    const n = await newsroom();
    const path = page(n.b);
    const editor = await read(path, n.editor.headers);
    expect(editor.headers.get("X-Cache")).toBe("BYPASS");
    expect(editor.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await read(path)).headers.get("X-Cache")).toBe("MISS");
    // The page is the same bytes whatever Accept says: a client preferring JSON gets the cached copy.
    const json = await read(path, { Accept: "application/json" });
    expect(json.headers.get("X-Cache")).toBe("HIT");
    expect(json.headers.get("Content-Type")).toMatch(/^text\/html/);
    // Only an error differs by Accept, and that answer is not kept: the next reader gets the HTML page.
    const missing = `/html/${n.a}/999999998.html`;
    const jsonError = await read(missing, { Accept: "application/json" });
    expect(jsonError.status).toBe(404);
    expect(jsonError.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(jsonError.headers.get("Cache-Control")).toBe("no-store");
    expect((await read(missing)).headers.get("Content-Type")).toMatch(/^text\/html/);
    const adminAnswer = await settledFetch(`${ORIGIN}/api/v1/admin/articles`, { headers: n.editor.headers });
    expect(adminAnswer.headers.get("Cache-Control")).toBe("no-store");
    expect(adminAnswer.headers.get("X-Cache")).toBeNull();
  });

  it("redirects a page asked for with a query string to its one URL", async () => {
    const n = await newsroom();
    const res = await read(`${page(n.a)}?from=timeline&isappinstalled=0`);
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(page(n.a));
  });
});

// Each check reads every URL twice, once past the cache with an editor's key that is verified each time.
describe("no reader sees the old version after any change", { timeout: 20_000 }, () => {
  it("after a publish: the new article, its neighbour, every page of every listing, home and the API", async () => {
    const n = await newsroom();
    const newest = n.inA[21] as { id: number };
    const draft = await makeArticle({ section: n.a, status: "draft", title: "刚发布的稿件" });
    const urls = purgeSet(n, [draft.id, newest.id]);
    await warm(urls.filter((u) => !u.includes(String(draft.id))));
    await read(articlePath(n.a, draft.id)); // a 404, kept briefly
    const published = await admin(n.editor, "POST", `/${draft.id}/publish`);
    expect(published.purge?.tags).toEqual(expect.arrayContaining([`a:${draft.id}`, `a:${newest.id}`, `l:${n.a}`, `l:${n.root}`, "l:"]));
    await expectFresh(urls);
    expect(await (await read(page(n.a, 2))).text()).toContain((n.inA[1] as { title: string }).title);
  });

  it.each([
    ["an edit of the title", (id: number) => ["PATCH", `/${id}`, { title: "更正后的标题" }] as const],
    ["an unpublish", (id: number) => ["POST", `/${id}/unpublish`] as const],
    ["an archive", (id: number) => ["POST", `/${id}/archive`] as const],
    ["a move to the trash", (id: number) => ["DELETE", `/${id}`] as const],
    ["a backdated republish", (id: number) => ["POST", `/${id}/publish`, { publish_at: "2001-01-01T08:00:00+08:00" }] as const],
  ])("after %s", async (_, change) => {
    const n = await newsroom();
    const [older, target, newer] = [n.inA[4], n.inA[5], n.inA[6]] as { id: number }[] as [{ id: number }, { id: number }, { id: number }];
    const urls = purgeSet(n, [older.id, target.id, newer.id]);
    await warm(urls);
    const [method, path, body] = change(target.id);
    await admin(n.editor, method, path, body);
    await expectFresh(urls);
  });

  it("after a restore from the trash, a republish and a revision restore", async () => {
    const n = await newsroom();
    const target = n.inA[8] as { id: number };
    const urls = purgeSet(n, [target.id, (n.inA[7] as { id: number }).id, (n.inA[9] as { id: number }).id]);
    await admin(n.editor, "PATCH", `/${target.id}`, { title: "第二版标题" });
    await warm(urls);
    await admin(n.editor, "POST", `/${target.id}/revisions/2/restore`);
    await expectFresh(urls);
    await warm(urls);
    await admin(n.editor, "DELETE", `/${target.id}`);
    await admin(n.editor, "POST", `/${target.id}/restore`);
    await expectFresh(urls);
    await warm(urls);
    await admin(n.editor, "POST", `/${target.id}/publish`);
    await expectFresh(urls);
  });

  it("after a move between sections: both listings, old and new neighbours, the old URL's redirect", async () => {
    const n = await newsroom();
    const moving = n.inA[12] as { id: number };
    const urls = [
      ...purgeSet(n, [moving.id, (n.inA[11] as { id: number }).id, (n.inA[13] as { id: number }).id]),
      ...n.inB.map((a) => articlePath(n.b, a.id)),
      `/api/v1/articles?section=${n.b}`,
    ];
    await warm(urls);
    // Under another section's path the article is a 301 the Worker never stores (any path may be put before
    // an id): answered afresh each time, so it cannot go stale.
    const spelling = await read(articlePath(n.b, moving.id));
    expect([spelling.status, spelling.headers.get("X-Cache")]).toEqual([301, "MISS"]);
    expect((await read(articlePath(n.b, moving.id))).headers.get("X-Cache")).toBe("MISS");
    await admin(n.editor, "PATCH", `/${moving.id}`, { section: n.b });
    await expectFresh([...urls, articlePath(n.b, moving.id)]);
    expect((await read(articlePath(n.a, moving.id))).status).toBe(301);
  });

  it("after the cron trigger publishes a scheduled article, exactly as a manual publish", async () => {
    const n = await newsroom();
    // Due in two seconds, and fired just after: the run's clock stays within what the cache holds.
    const when = Date.now() + 2_000;
    const scheduled = await makeArticle({ section: n.a, status: "scheduled", publish_at: when, title: "定时稿件" });
    const urls = purgeSet(n, [scheduled.id, (n.inA[21] as { id: number }).id]);
    await warm(urls.filter((u) => !u.includes(String(scheduled.id))));
    await read(articlePath(n.a, scheduled.id));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: when + 500, cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    await expectFresh(urls);
    expect((await read(articlePath(n.a, scheduled.id))).status).toBe(200);
  });

  it("purges everything on an admin's request", async () => {
    const n = await newsroom();
    const admin = await makeKey("admin");
    await warm([page(n.a)]);
    const res = await settledFetch(`${ORIGIN}/api/v1/admin/cache/purge`, {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ everything: true }),
    });
    expect(res.status).toBe(202);
    expect((await read(page(n.a))).headers.get("X-Cache")).toBe("MISS");
    const editorTry = await settledFetch(`${ORIGIN}/api/v1/admin/cache/purge`, {
      method: "POST",
      headers: { ...n.editor.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ everything: true }),
    });
    expect(editorTry.status).toBe(403);
  });

  it("refuses a purge with a query string, purging nothing", async () => {
    const n = await newsroom();
    const admin = await makeKey("admin");
    await warm([page(n.a)]);
    const res = await settledFetch(`${ORIGIN}/api/v1/admin/cache/purge?everything=true`, {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ tags: ["no-such-tag"] }),
    });
    expect(res.status).toBe(400);
    expect((await read(page(n.a))).headers.get("X-Cache")).toBe("HIT");
  });
});

describe("when D1 fails", () => {
  const down: D1Database = new Proxy(env.DB, {
    get: () => () => {
      throw new Error("D1_ERROR: Network connection lost.");
    },
  });

  it("serves the stale copy, marked STALE, and a 503 with Retry-After for a page never cached", async () => {
    const n = await newsroom();
    const path = page(n.a);
    const fresh = await read(path, {}, { EDGE_TTL_SECONDS: "0" });
    const body = await fresh.text();
    // With a zero edge TTL every copy is stale at once: a working D1 revalidates it...
    expect((await read(path, {}, { EDGE_TTL_SECONDS: "0" })).headers.get("X-Cache")).toBe("REVALIDATED");
    // ...and a failing one leaves readers the copy they had.
    const stale = await read(path, {}, { EDGE_TTL_SECONDS: "0", DB: down });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("X-Cache")).toBe("STALE");
    expect(await stale.text()).toBe(body);
    const never = await read(page(n.b), {}, { DB: down });
    expect(never.status).toBe(503);
    expect(Number(never.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(never.headers.get("Cache-Control")).toBe("no-store");
    expect(await never.text()).toContain("数据库暂时不可用");
  });
});

describe("with Workers Cache", () => {
  type PurgeCall = { tags?: string[]; purgeEverything?: boolean };

  function standIn(fail = false) {
    const calls: PurgeCall[] = [];
    const cache = {
      purge: async (options: PurgeCall) => {
        calls.push(options);
        return fail ? { success: false, errors: [{ code: 1, message: "rate limited" }] } : { success: true, errors: [] };
      },
      invalidate: async () => ({ success: true, errors: [] }),
    };
    return { calls, cache };
  }

  async function fetchWith(cache: object, url: string, init: RequestInit = {}) {
    const ctx = Object.assign(createExecutionContext(), { cache });
    const res = await worker.fetch(new Request(url, init), { ...env, EDGE_CACHE: "workers" }, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  it("labels reader answers for Cloudflare to keep, with nothing of the one request in them", async () => {
    const n = await newsroom();
    const target = n.inA[3] as { id: number };
    const res = await fetchWith(standIn().cache, `${ORIGIN}${articlePath(n.a, target.id)}`);
    expect(res.headers.get("Cloudflare-CDN-Cache-Control")).toBe("max-age=86400, stale-while-revalidate=60, stale-if-error=604800");
    expect(res.headers.get("Cache-Tag")?.split(",")).toEqual(expect.arrayContaining(["site", `a:${target.id}`]));
    expect(res.headers.get("X-Cache")).toBeNull();
    expect(res.headers.get("Server-Timing")).toBeNull();
  });

  it("purges by the change's tags through ctx.cache.purge, once, and a failing purge never fails the write", async () => {
    const n = await newsroom();
    const target = n.inA[7] as { id: number };
    const ok = standIn();
    const res = await fetchWith(ok.cache, `${ORIGIN}/api/v1/admin/articles/${target.id}/unpublish`, { method: "POST", headers: n.editor.headers });
    expect(res.status).toBe(200);
    expect(ok.calls).toHaveLength(1);
    expect(new Set(ok.calls[0]?.tags)).toEqual(
      new Set([
        `a:${target.id}`, `a:${(n.inA[6] as { id: number }).id}`, `a:${(n.inA[8] as { id: number }).id}`, `l:${n.a}`, `l:${n.root}`, "l:",
        // The monthly sitemap it was listed in.
        `m:${shanghaiMonth(n.inA[7]?.publishedAt ?? 0)}`,
        // Every search: any change may change what one finds.
        "search",
      ]),
    );
    const failing = standIn(true);
    const again = await fetchWith(failing.cache, `${ORIGIN}/api/v1/admin/articles/${target.id}/publish`, { method: "POST", headers: n.editor.headers });
    expect(again.status).toBe(200);
    // Retried, then given up on: the copies it missed expire by their edge TTL.
    expect(failing.calls).toHaveLength(3);
  });
});

describe("draft previews", () => {
  const SECRET = "a-preview-secret-for-tests-only";
  const withSecret = { PREVIEW_SECRET: SECRET };

  async function previewLink(key: TestKey, id: number, bindings: Partial<typeof env> = withSecret) {
    return settledFetch(`${ORIGIN}/api/v1/admin/articles/${id}/preview`, { method: "POST", headers: key.headers }, bindings);
  }

  it("are refused without a secret, never signed with a default", async () => {
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: uniqueSlug("pv"), status: "draft" });
    expect((await previewLink(editor, draft.id, {})).status).toBe(503);
    expect((await read(`/preview/${draft.id}?v=1&exp=9999999999&sig=${"a".repeat(43)}`)).status).toBe(503);
  });

  it("show the draft as it will look, to anyone with the link, privately and unindexed", async () => {
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: uniqueSlug("pv"), status: "draft", title: "预览中的草稿" });
    const made = await previewLink(editor, draft.id);
    expect(made.status).toBe(201);
    const { url } = (await made.json()) as { url: string };
    const res = await read(new URL(url).pathname + new URL(url).search, {}, withSecret);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("X-Robots-Tag")).toMatch(/noindex/);
    const html = await res.text();
    expect(html).toContain("预览中的草稿");
    expect(html).toContain("预览（草稿）");
    // The public URL still knows nothing of it.
    expect((await read(`/api/v1/articles/${draft.id}`)).status).toBe(404);
  });

  it("cannot be forged, expire, and do not outlive a new version", async () => {
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: uniqueSlug("pv"), status: "draft" });
    const { url } = (await (await previewLink(editor, draft.id)).json()) as { url: string };
    const link = new URL(url);
    const tampered = new URL(link);
    tampered.searchParams.set("v", "2");
    expect((await read(tampered.pathname + tampered.search, {}, withSecret)).status).toBe(403);
    const otherSecret = await read(link.pathname + link.search, {}, { PREVIEW_SECRET: "another-secret" });
    expect(otherSecret.status).toBe(403);
    const past = Math.floor(Date.now() / 1000) - 1;
    const sig = await signPreview(SECRET, { id: draft.id, version: 1, expires: past });
    expect((await read(`/preview/${draft.id}?v=1&exp=${past}&sig=${sig}`, {}, withSecret)).status).toBe(410);
    await admin(editor, "PATCH", `/${draft.id}`, { title: "新版本" });
    expect((await read(link.pathname + link.search, {}, withSecret)).status).toBe(410);
  });
});
