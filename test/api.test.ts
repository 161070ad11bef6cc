// The public JSON API: one article, lists with cursors, the section tree, and every error it answers.
import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { makeArticle, makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { get } from "./html.ts";
import { encodeCursor } from "../src/http/list-query.ts";
import type { ErrorJson } from "./fixtures.ts";

type SectionRefJson = { path: string; name: string; url: string };
type NeighbourJson = { id: number; title: string; url: string; published_at: string };
type SummaryJson = {
  id: number;
  url: string;
  section: SectionRefJson;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: { name: string; role: string }[];
  cover_image: string | null;
  cover_image_url: string | null;
  published_at: string;
  updated_at: string;
};
type DetailJson = SummaryJson & { section_chain: SectionRefJson[]; body_html: string; prev: NeighbourJson | null; next: NeighbourJson | null };
type ListJson = { items: SummaryJson[]; next_cursor: string | null };
type TreeJson = SectionRefJson & { children: TreeJson[] };

async function json<T>(path: string, status = 200): Promise<T> {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await res.json()) as T;
}

const RFC3339_SHANGHAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe("GET /api/v1/articles/:id", () => {
  it("answers a published article with its section chain, body and neighbours", async () => {
    const root = uniqueSlug("api");
    await makeSection(root, "新闻");
    await makeSection(`${root}/dzyw`, "党政要闻");
    // 第1篇 00:00, 第2篇 00:01, 第3篇 00:02 UTC; the article goes between the second and the third.
    const [, older, newer] = await makeArticles(`${root}/dzyw`, 3);
    if (!older || !newer) throw new Error("fixture");
    const a = await makeArticle({
      section: `${root}/dzyw`,
      title: "主标题",
      kicker: "引题",
      subtitle: "副题",
      summary: "摘要",
      source: "青岚日报",
      bylines: [{ name: "张三", role: "记者" }],
      body: "第一段。",
      publishedAt: Date.UTC(2023, 5, 1, 0, 1, 30),
    });
    const res = await get(`/api/v1/articles/${a.id}`);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=60, stale-if-error=604800");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as DetailJson;
    expect(body).toMatchObject({
      id: a.id,
      url: `/html/${root}/dzyw/${a.id}.html`,
      section: { path: `${root}/dzyw`, name: "党政要闻", url: `/html/${root}/dzyw/` },
      section_chain: [
        { path: root, name: "新闻", url: `/html/${root}/` },
        { path: `${root}/dzyw`, name: "党政要闻", url: `/html/${root}/dzyw/` },
      ],
      title: "主标题",
      kicker: "引题",
      subtitle: "副题",
      summary: "摘要",
      source: "青岚日报",
      bylines: [{ name: "张三", role: "记者" }],
      cover_image: null,
      published_at: "2023-06-01T08:01:30+08:00",
      body_html: "<p>第一段。</p>",
    });
    expect(body.updated_at).toMatch(RFC3339_SHANGHAI);
    expect(body.prev).toEqual({
      id: older.id,
      title: "第2篇",
      url: `/html/${root}/dzyw/${older.id}.html`,
      published_at: "2023-06-01T08:01:00+08:00",
    });
    expect(body.next).toEqual({
      id: newer.id,
      title: "第3篇",
      url: `/html/${root}/dzyw/${newer.id}.html`,
      published_at: "2023-06-01T08:02:00+08:00",
    });
  });

  it("has null neighbours at the ends of a section", async () => {
    const section = uniqueSlug("apiend");
    const a = await makeArticle({ section });
    const body = await json<DetailJson>(`/api/v1/articles/${a.id}`);
    expect(body.prev).toBeNull();
    expect(body.next).toBeNull();
  });

  it("answers 404 for drafts and unknown ids, 400 for malformed ids", async () => {
    const draft = await makeArticle({ section: uniqueSlug("apid"), status: "draft" });
    for (const id of [draft.id, 9_007_199_254_740_000]) {
      expect((await json<ErrorJson>(`/api/v1/articles/${id}`, 404)).error.code).toBe("not_found");
    }
    // An escaped id never reaches the handler: test/canonical-path.test.ts.
    for (const id of ["abc", "0", "007", "-5", "1.5", "9007199254740993", "1e5"]) {
      const body = await json<ErrorJson>(`/api/v1/articles/${id}`, 400);
      expect(body.error.code, id).toBe("bad_request");
      expect(body.error.details?.[0]?.path, id).toBe("id");
    }
  });
});

describe("GET /api/v1/articles", () => {
  async function walk(query: string): Promise<{ ids: number[]; pages: number }> {
    const ids: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: ListJson = await json<ListJson>(`/api/v1/articles?${query}${cursor ? `&cursor=${cursor}` : ""}`);
      ids.push(...body.items.map((i) => i.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    return { ids, pages };
  }

  it("pages through a section and its subsections newest first, with no duplicates or gaps", async () => {
    const root = uniqueSlug("list");
    const own = await makeArticles(root, 12, Date.UTC(2023, 0, 1));
    const sub = await makeArticles(`${root}/sub`, 13, Date.UTC(2023, 0, 1, 0, 0, 30));
    const expected = [...own, ...sub]
      .sort((x, y) => (y.publishedAt ?? 0) - (x.publishedAt ?? 0) || y.id - x.id)
      .map((a) => a.id);
    const { ids, pages } = await walk(`section=${root}&limit=10`);
    expect(pages).toBe(3);
    expect(ids).toEqual(expected);
    // An exact multiple of the limit ends with next_cursor null, not an empty extra page.
    expect((await walk(`section=${root}&limit=5`)).pages).toBe(5);
    expect((await walk(`section=${root}/sub&limit=100`)).ids).toEqual(sub.map((a) => a.id).reverse());
  });

  it("keeps articles published at the same instant apart by id", async () => {
    const section = uniqueSlug("tie");
    const at = Date.UTC(2021, 2, 3);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeArticle({ section, title: `同时${i}`, publishedAt: at }));
    const { ids } = await walk(`section=${section}&limit=2`);
    expect(ids).toEqual(made.map((a) => a.id).sort((x, y) => y - x));
  });

  it("without a section lists every section's published articles, newest first", async () => {
    // Times of their own, far from other tests' data, reached by a cursor placed just after them.
    const base = Date.UTC(1999, 0, 1) + Math.floor(Math.random() * 1e9);
    const a = await makeArticle({ section: uniqueSlug("all"), title: "旧", publishedAt: base });
    const b = await makeArticle({ section: uniqueSlug("all"), title: "新", publishedAt: base + 1000 });
    await makeArticle({ section: uniqueSlug("all"), title: "草稿", status: "draft" });
    const cursor = encodeCursor([base + 1001, 1]);
    const body = await json<ListJson>(`/api/v1/articles?limit=2&cursor=${cursor}`);
    expect(body.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(body.items[0]?.section.path).toBeTruthy();
    expect(body.items[0]).not.toHaveProperty("body_html");
  });

  it("answers items in the summary shape, and a first page by default of at most 20", async () => {
    const section = uniqueSlug("shape");
    await makeArticles(section, 21);
    const body = await json<ListJson>(`/api/v1/articles?section=${section}`);
    expect(body.items).toHaveLength(20);
    expect(typeof body.next_cursor).toBe("string");
    const first = body.items[0];
    expect(first && Object.keys(first).sort()).toEqual(
      ["bylines", "cover_image", "cover_image_url", "id", "kicker", "published_at", "section", "source", "subtitle", "summary", "title", "title_bold", "updated_at", "url"],
    );
    expect(first?.title).toBe("第21篇");
    expect(first?.published_at).toBe("2023-06-01T08:20:00+08:00");
  });

  it("refuses a parameter given twice, an unknown one, and a cursor spelt another way", async () => {
    const twice = await get("/api/v1/articles?limit=2&limit=abc");
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as ErrorJson).error.details).toContainEqual({ path: "limit", message: "is given more than once" });
    for (const path of ["/api/v1/sections?x=1", "/api/v1/articles/1?x=1", "/api/v1/articles?utm_source=x"]) {
      expect((await get(path)).status, path).toBe(400);
    }
    const spaced = btoa("[1796000000000,88594] ").replace(/=+$/, "");
    expect((await get(`/api/v1/articles?cursor=${spaced}`)).status).toBe(400);
  });

  it("refuses parameters named after Object's own members as unknown ones, not with a server error", async () => {
    for (const path of ["/api/v1/articles?__proto__=1", "/api/v1/sections?constructor=1", "/api/v1/articles/1?__proto__=1", "/api/v1/search?q=x&__proto__=x"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as ErrorJson).error.details?.map((d) => d.path), path).toContain(path.includes("constructor") ? "constructor" : "__proto__");
    }
  });

  it("is readable from any origin on redirects and unknown paths too, and lets preflights send validators", async () => {
    for (const path of ["/api/v1/%61rticles", "/api/v1/nope", "/api/v1"]) {
      expect((await get(path)).headers.get("Access-Control-Allow-Origin"), path).toBe("*");
    }
    const preflight = await exports.default.fetch("http://localhost/api/v1/articles", {
      method: "OPTIONS",
      headers: { Origin: "https://example.com", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
    expect((await get("/api/v1/admin/articles")).headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("accepts limits 1 and 100", async () => {
    const section = uniqueSlug("lim");
    await makeArticles(section, 2);
    expect((await json<ListJson>(`/api/v1/articles?section=${section}&limit=1`)).items).toHaveLength(1);
    expect((await json<ListJson>(`/api/v1/articles?section=${section}&limit=100`)).items).toHaveLength(2);
  });

  it("answers 400 with details for a limit out of range or not a whole number", async () => {
    for (const limit of ["0", "101", "-1", "1.5", "abc", "", "1e2", "0x10", "99999999999"]) {
      const body = await json<ErrorJson>(`/api/v1/articles?limit=${limit}`, 400);
      expect(body.error.code, limit).toBe("bad_request");
      expect(body.error.details?.map((d) => d.path), limit).toEqual(["limit"]);
    }
  });

  it("answers 400 for a cursor it did not issue", async () => {
    const forged = [
      "!!!",
      "x",
      btoa("abc"),
      btoa("12.0"),
      btoa("-1.5"),
      btoa("99999999999999999.1"),
      btoa("1.2.3"),
      "a".repeat(200),
    ].map(encodeURIComponent);
    for (const cursor of forged) {
      const body = await json<ErrorJson>(`/api/v1/articles?cursor=${cursor}`, 400);
      expect(body.error.details?.map((d) => d.path), cursor).toEqual(["cursor"]);
    }
  });

  it("answers 404 for an unknown section and 400 for one that is not a section path", async () => {
    expect((await json<ErrorJson>(`/api/v1/articles?section=${uniqueSlug("none")}`, 404)).error.code).toBe("not_found");
    for (const section of ["%E6%96%B0", "XW", "xw/", "/xw", "", "a/b/c/d/e"]) {
      const body = await json<ErrorJson>(`/api/v1/articles?section=${section}`, 400);
      expect(body.error.details?.map((d) => d.path), section).toEqual(["section"]);
    }
  });

  it("reports every bad parameter at once", async () => {
    const body = await json<ErrorJson>(`/api/v1/articles?limit=0&cursor=zz&section=A`, 400);
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(["cursor", "limit", "section"]);
  });
});

describe("GET /api/v1/sections", () => {
  it("answers the tree in sort order, with each section's path, name, url and children", async () => {
    const root = uniqueSlug("tree");
    await makeSection(root, "根", 5);
    await makeSection(`${root}/b`, "乙", 2);
    await makeSection(`${root}/a`, "甲", 1);
    await makeSection(`${root}/a/x`, "子");
    const body = await json<{ items: TreeJson[] }>("/api/v1/sections");
    const node = body.items.find((s) => s.path === root);
    expect(node).toEqual({
      path: root,
      name: "根",
      url: `/html/${root}/`,
      children: [
        { path: `${root}/a`, name: "甲", url: `/html/${root}/a/`, children: [{ path: `${root}/a/x`, name: "子", url: `/html/${root}/a/x/`, children: [] }] },
        { path: `${root}/b`, name: "乙", url: `/html/${root}/b/`, children: [] },
      ],
    });
    // Only top-level sections at the top.
    expect(body.items.some((s) => s.path.includes("/"))).toBe(false);
  });
});

describe("unknown API paths", () => {
  it("answers JSON 404s", async () => {
    for (const path of ["/api/v1/nothing", "/api/v1/articles/1/extra", "/api/v2/articles"]) {
      expect((await json<ErrorJson>(path, 404)).error.code, path).toBe("not_found");
    }
  });
});
