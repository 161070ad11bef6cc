// The cache's key space is the site's, not the client's: however many URLs a reader invents — section paths
// before an id, forged cursors, page sizes, the case of a search, page numbers on an old link — the copies
// the Worker stores and the rows it registers in D1 stay what the site's own pages make.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { encodeCursor } from "../src/http/list-query.ts";
import { importPublishedArticles } from "../src/publish/import.ts";
import { tool } from "../src/domain/actor.ts";
import { makeArticle, makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { admin } from "./admin-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";
const read = (path: string, init: RequestInit = {}) => settledFetch(`${ORIGIN}${path}`, { redirect: "manual", ...init });

/** Registry rows (tag → URL) whose URL contains `marker`: the copies a purge would have to find. */
async function rowsMentioning(marker: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM cache_entries WHERE instr(url, ?) > 0`).bind(marker).first<{ n: number }>();
  return row?.n ?? 0;
}

/** The URLs registered with `marker` in them. */
async function urlsMentioning(marker: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT DISTINCT url FROM cache_entries WHERE instr(url, ?) > 0`).bind(marker).all<{ url: string }>();
  return results.map((r) => r.url);
}

/** Registry rows under any of `tags`. */
async function rowsTagged(tags: string[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM cache_entries WHERE tag IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(tags)).first<{ n: number }>();
  return row?.n ?? 0;
}

/** How many of `paths` the Worker holds a stored copy of (under the key it would look them up by). */
async function storedCopies(paths: string[]): Promise<number> {
  let n = 0;
  for (const path of paths) if (await caches.default.match(new Request(new URL(path, env.SITE_URL).href))) n += 1;
  return n;
}

/** Sends every path, in parallel batches of 16, and returns the statuses seen. */
async function flood(paths: string[], init: RequestInit = {}): Promise<Set<number>> {
  const statuses = new Set<number>();
  for (let i = 0; i < paths.length; i += 16) {
    for (const res of await Promise.all(paths.slice(i, i + 16).map((p) => read(p, init)))) {
      statuses.add(res.status);
      await res.arrayBuffer();
    }
  }
  return statuses;
}

const mixedCase = (word: string, seed: number) => [...word].map((ch, i) => ((seed >> i) & 1 ? ch.toUpperCase() : ch)).join("");

// A few hundred requests each, sixteen at a time.
describe("a flood of URLs no page printed", { timeout: 30_000 }, () => {
  it("of section paths before an article's id: answered 301, never stored nor registered", async () => {
    const root = uniqueSlug("ks");
    const [article] = await makeArticles(`${root}/a`, 1);
    const id = (article as { id: number }).id;
    // The site's own URLs for the article, cached as readers would find them.
    for (const path of [`/html/${root}/a/${id}.html`, `/api/v1/articles/${id}`, `/html/${root}/a/`]) await read(path);
    const before = await rowsTagged([`a:${id}`]);
    expect(before).toBeGreaterThan(0);
    const invented = Array.from({ length: 150 }, (_, i) => `/html/${root}/x${i}/${id}.html`);
    expect(await flood(invented)).toEqual(new Set([301]));
    // At most what was there: a purge running in another test may have taken some away, never added any.
    expect(await rowsTagged([`a:${id}`])).toBeLessThanOrEqual(before);
    expect(await rowsMentioning(`/html/${root}/x`)).toBe(0);
    expect(await storedCopies(invented)).toBe(0);
  });

  it("of forged cursors, and cursors at other page sizes: answered, never kept; a cursor the server issued is", async () => {
    const root = uniqueSlug("kc");
    const articles = await makeArticles(root, 25);
    const list = `/api/v1/articles?section=${root}`;
    const first = (await (await read(list)).json()) as { next_cursor: string };
    const issued = `${list}&cursor=${first.next_cursor}`;
    await read(issued);
    expect((await read(issued)).headers.get("X-Cache")).toBe("HIT");
    const tags = articles.map((a) => `a:${a.id}`);
    const before = await rowsTagged(tags);
    const newest = articles[articles.length - 1] as { publishedAt: number | null; id: number };
    // Well-formed [published_at, id] pairs no page ever handed out: a millisecond off, an id off.
    const forged = Array.from({ length: 120 }, (_, i) => `${list}&cursor=${encodeCursor([(newest.publishedAt ?? 0) + 1 + i, newest.id])}`);
    const sizes = Array.from({ length: 41 }, (_, i) => i + 2).filter((limit) => limit !== 20);
    const sized = sizes.map((limit) => `${list}&limit=${limit}&cursor=${first.next_cursor}`);
    expect(await flood([...forged, ...sized])).toEqual(new Set([200]));
    const answer = await read(forged[0] as string);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(((await answer.json()) as { items: unknown[] }).items).toHaveLength(20);
    expect(await rowsTagged(tags)).toBeLessThanOrEqual(before);
    expect(await rowsMentioning(`section=${root}&limit=`)).toBe(0);
    expect(await storedCopies([...forged, ...sized])).toBe(0);
  });

  it("keeps serving a client whose cursor's article has left the listing, without keeping that page", async () => {
    const root = uniqueSlug("kl");
    const articles = await makeArticles(root, 23);
    const list = `/api/v1/articles?section=${root}`;
    const { next_cursor } = (await (await read(list)).json()) as { next_cursor: string };
    // The article the cursor names is the 20th newest; it leaves the listing.
    await admin(await makeKey("editor"), "POST", `/${(articles[3] as { id: number }).id}/unpublish`);
    const res = await read(`${list}&cursor=${next_cursor}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(((await res.json()) as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([2, 1, 0].map((i) => (articles[i] as { id: number }).id));
  });

  it("of a search's spellings in upper and lower case: one URL, one copy", async () => {
    const word = uniqueSlug("qinglan").replace(/[0-9]/g, "x");
    await makeArticle({ section: uniqueSlug("kq"), title: `${word}传媒网报道` });
    const variants = [...new Set(Array.from({ length: 80 }, (_, i) => mixedCase(word, i * 2_654_435_761 + 1)))].filter((q) => q !== word).slice(0, 60);
    const pages = variants.map((q) => `/search?q=${q}`);
    const api = variants.map((q) => `/api/v1/search?q=${q}&limit=5`);
    expect(await flood([...pages, ...api])).toEqual(new Set([301]));
    // Every spelling leads to the folded one, which finds the article and is kept.
    const upper = await read(`/search?q=${word.toUpperCase()}`);
    expect(upper.headers.get("Location")).toBe(`/search?q=${word}`);
    const redirected = await read(`/api/v1/search?q=${word.toUpperCase()}&limit=5`);
    expect(redirected.headers.get("Location")).toBe(`/api/v1/search?q=${word}&limit=5`);
    const found = await read(redirected.headers.get("Location") ?? "");
    expect((await found.json()) as { query: string; total: number }).toMatchObject({ query: word, total: 1 });
    expect((await read(`/search?q=${word}`)).status).toBe(200);
    // Registered, if at all (every change anywhere purges searches), under the one spelling only.
    const canonical = [`/search?q=${word}`, `/api/v1/search?q=${word}&limit=5`].map((p) => new URL(p, env.SITE_URL).href);
    expect((await urlsMentioning(word)).filter((url) => !canonical.includes(url))).toEqual([]);
    expect(await storedCopies([...pages, ...api])).toBe(0);
  });

  it("of a search escaped in lower case (as curl's --data-urlencode writes it): the same URL, answered, one copy", async () => {
    const word = `花灯${uniqueSlug("hd").replace(/[0-9]/g, "x")}`;
    await makeArticle({ section: uniqueSlug("kq"), title: `${word}展开幕` });
    const upper = `/api/v1/search?q=${encodeURIComponent(word)}`;
    const lower = upper.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(lower).not.toBe(upper);
    const answers = [await read(lower), await read(upper), await read(lower)];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(((await answers[0]?.json()) as { total: number }).total).toBe(1);
    expect(answers.map((r) => r.headers.get("X-Cache"))).toEqual(["MISS", "HIT", "HIT"]);
    const page = lower.replace("/api/v1/search", "/search");
    expect((await read(page)).status).toBe(200);
  });

  it("of searches that find nothing: answered, never kept", async () => {
    const marker = uniqueSlug("nohit").replace(/[0-9]/g, "z");
    const invented = Array.from({ length: 80 }, (_, i) => (i % 2 ? `/search?q=${marker}${"abcdefgh"[i % 8]}${i}` : `/api/v1/search?q=${marker}q${i}`));
    expect(await flood(invented)).toEqual(new Set([200]));
    expect(await rowsMentioning(marker)).toBe(0);
    expect(await storedCopies(invented)).toBe(0);
  });

  it("of page numbers on an old site's link: answered 301 by its first page, never stored nor registered", async () => {
    const section = uniqueSlug("kp");
    await makeSection(section);
    const id = 930_000_000 + Math.floor(Math.random() * 1e7);
    const old = `/a/${section}/${id}.html`;
    const legacy = { system: "dedecms", fingerprint: "f", paths: [old] } as const;
    const item = { id, section, title: "老文章", body: "正文", published_at: Date.UTC(2020, 0, 1), legacy: { ...legacy, paths: [...legacy.paths] } };
    await importPublishedArticles(env.DB, [item], { actor: tool("key-space-test", "admin"), now: Date.now() });
    await read(old);
    expect((await read(old)).headers.get("X-Cache")).toBe("HIT");
    const paged = Array.from({ length: 100 }, (_, i) => `/a/${section}/${id}_${i + 2}.html`);
    expect(await flood(paged)).toEqual(new Set([301]));
    expect((await read(paged[0] as string)).headers.get("Location")).toBe(`/html/${section}/${id}.html`);
    expect(await rowsMentioning(`${id}_`)).toBe(0);
    expect(await storedCopies(paged)).toBe(0);
  });
});
