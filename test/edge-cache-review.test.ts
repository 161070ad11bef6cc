// What a hostile review of the edge cache found, each kept fixed by a test.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { cacheApiBackend } from "../src/cache/cache-api.ts";
import { page as pageFreshness } from "../src/cache/freshness.ts";
import { signPreview } from "../src/auth/preview-links.ts";
import { makeArticle, makeArticles, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import * as images from "./fixtures/images.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";
const read = (path: string, headers: Record<string, string> = {}, bindings: Partial<typeof env> = {}) =>
  settledFetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }, bindings);

const backend = (db: D1Database = env.DB) => cacheApiBackend({ cache: caches.default, db });
const entry = (tags: string[]) => ({ tags, freshness: pageFreshness(), browserCacheControl: "public, max-age=30", renderedAt: Date.now() });

describe("the Cache API backend", () => {
  it("purges every URL of a tag, however many (not the first few hundred)", async () => {
    const tag = `t:${uniqueSlug("many")}`;
    // More than one of the purge's chunks of 200.
    const urls = Array.from({ length: 450 }, (_, i) => `https://masthead.test/many/${tag}/${i}`);
    for (const url of urls) await backend().store(url, new Response(`page ${url}`), entry([tag]));
    expect(await caches.default.match(new Request(urls[449] as string))).toBeDefined();
    const result = await backend().purge([tag]);
    expect(result.deleted).toBe(450);
    for (const url of [urls[0], urls[250], urls[449]] as string[]) expect(await caches.default.match(new Request(url))).toBeUndefined();
  }, 60_000);

  it("stores nothing it could not register for a purge to find", async () => {
    const failing = new Proxy(env.DB, {
      get: (target, prop) => (prop === "prepare" ? () => { throw new Error("D1_ERROR: Network connection lost."); } : Reflect.get(target, prop)),
    });
    const url = `https://masthead.test/unregistered/${uniqueSlug("u")}`;
    await expect(backend(failing).store(url, new Response("page"), entry(["site"]))).rejects.toThrow();
    expect(await caches.default.match(new Request(url))).toBeUndefined();
  });

  it("matches tags as Cloudflare does, whatever their case", async () => {
    const section = uniqueSlug("case");
    await makeArticles(section, 1);
    await read(`/html/${section}/`);
    const admin = await makeKey("admin");
    await settledFetch(`${ORIGIN}/api/v1/admin/cache/purge`, {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ tags: [`L:${section.toUpperCase()}`] }),
    });
    expect((await read(`/html/${section}/`)).headers.get("X-Cache")).toBe("MISS");
  });
});

describe("what readers are answered", () => {
  it("gives even a path refused for its spelling a Cache-Control", async () => {
    for (const path of ["/html//xw/", "/html/%zz/", "/html/xw/%ff.html", "/api/v1//articles", "//"]) {
      expect((await read(path)).headers.get("Cache-Control"), path).toBe("no-store");
    }
  });

  it("answers 304 only where the answer would be a 200, and gives redirects no shared ETag", async () => {
    const section = uniqueSlug("re");
    await makeArticles(section, 1);
    const redirect = await read(`/html/${section}`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("ETag")).toBeNull();
    expect((await read(`/html/${section}`, { "If-None-Match": "*" })).status).toBe(301);
  });

  it("sends editors' answers with an ETag, and 304s to them too", async () => {
    const section = uniqueSlug("ed");
    await makeArticles(section, 1);
    const editor = await makeKey("editor");
    const first = await read(`/html/${section}/`, editor.headers);
    expect(first.headers.get("X-Cache")).toBe("BYPASS");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await read(`/html/${section}/`, { ...editor.headers, "If-None-Match": etag });
    expect([again.status, again.headers.get("X-Cache")]).toEqual([304, "BYPASS"]);
  });

  it("redirects a bare ? and a list's other spellings to its one URL", async () => {
    const section = uniqueSlug("q");
    await makeArticles(section, 1);
    const bare = await read(`/html/${section}/?`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get("Location")).toBe(`/html/${section}/`);
    const reordered = await read(`/api/v1/articles?limit=5&section=${section}`);
    expect(reordered.status).toBe(301);
    expect(reordered.headers.get("Location")).toBe(`/api/v1/articles?section=${section}&limit=5`);
    expect((await read(`/api/v1/articles?section=${section}&limit=20`)).headers.get("Location")).toBe(`/api/v1/articles?section=${section}`);
    expect((await read(`/api/v1/articles?section=${section}&limit=5`)).status).toBe(200);
  });

  it("keeps a 404 a 404 whatever query string it carries", async () => {
    expect((await read("/nope?x=1")).status).toBe(404);
    expect((await read("/api/v1/nope?x=1")).status).toBe(404);
    expect((await read("/preview/0123?v=1")).status).toBe(404);
  });

  it("purges the pages and feeds whose cover shows an image when its alt text and caption are filled in", async () => {
    const editor = await makeKey("editor");
    // A size of its own, so the bytes (and the key) are this test's alone.
    const png = images.pngOf(20 + Math.floor(Math.random() * 500), 3);
    const upload = (query = "") =>
      settledFetch(`${ORIGIN}/api/v1/admin/images${query}`, { method: "POST", headers: { ...editor.headers, "Content-Type": "image/png" }, body: png });
    const { key } = (await (await upload()).json()) as { key: string };
    const section = uniqueSlug("img");
    const a = await makeArticle({ section, title: "封面", cover_image: key });
    const path = `/html/${section}/${a.id}.html`;
    const feed = `/html/${section}/rss.xml`; // RSS carries the alt text in media:description
    for (const p of [path, feed]) {
      await read(p);
      expect((await read(p)).headers.get("X-Cache"), p).toBe("HIT");
    }
    expect((await upload("?alt=新的替代文本&caption=新图注")).status).toBe(200);
    const after = await read(path);
    expect(after.headers.get("X-Cache")).toBe("MISS");
    expect(await after.text()).toContain("新图注");
    const feedAfter = await read(feed);
    expect(feedAfter.headers.get("X-Cache")).toBe("MISS");
    expect(await feedAfter.text()).toContain("新的替代文本");
  });
});

describe("the admin API and previews", () => {
  it("authenticates before it reads a bookmark", async () => {
    const res = await read("/api/v1/admin/articles", { "x-d1-bookmark": "not-a-bookmark" });
    expect(res.status).toBe(401);
  });

  it("refuses a preview link for an article in the trash, and any other spelling of a signature", async () => {
    const SECRET = "another-preview-secret-for-tests";
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: uniqueSlug("pvt"), status: "draft" });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const sig = await signPreview(SECRET, { id: draft.id, version: 1, expires: exp });
    const last = sig.slice(-1);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const i = alphabet.indexOf(last);
    // The three other characters that share the last one's meaningful bits.
    const siblings = [0, 1, 2, 3].map((k) => alphabet[(i & ~3) + k]).filter((ch) => ch !== last);
    for (const ch of siblings) {
      const res = await read(`/preview/${draft.id}?v=1&exp=${exp}&sig=${sig.slice(0, -1)}${ch}`, {}, { PREVIEW_SECRET: SECRET });
      expect(res.status, ch).toBe(403);
    }
    expect((await read(`/preview/${draft.id}?v=1&exp=${exp}&sig=${sig}`, {}, { PREVIEW_SECRET: SECRET })).status).toBe(200);
    await settledFetch(`${ORIGIN}/api/v1/admin/articles/${draft.id}`, { method: "DELETE", headers: editor.headers });
    const link = await settledFetch(`${ORIGIN}/api/v1/admin/articles/${draft.id}/preview`, { method: "POST", headers: editor.headers }, { PREVIEW_SECRET: SECRET });
    expect(link.status).toBe(409);
  });
});
