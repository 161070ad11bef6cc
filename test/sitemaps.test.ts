// What crawlers are told: the sitemap index of monthly sitemaps, each month's articles with their last change,
// the Google News sitemap's two-day window, robots.txt — kept right by every publish, edit, unpublish and move,
// and purged by month. (Schema validation of the same documents: scripts/checks/xml.ts, with xmllint.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import type { Article } from "../src/domain/article.ts";
import { shanghaiMonth, toRfc3339 } from "../src/content/dates.ts";
import { readMonthSitemap } from "../src/db/sitemaps.ts";
import { makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import { admin } from "./admin-fixture.ts";

const ORIGIN = "http://localhost";
const SITE = env.SITE_URL;
const read = (path: string, headers: Record<string, string> = {}) => settledFetch(`${ORIGIN}${path}`, { headers, redirect: "manual" });

// Each test gets months of its own, in years no other test file publishes in (tests in a file run in turn).
let monthsUsed = 0;
function freshMonth(): { month: string; at: (day: number) => number } {
  const year = 1995 + Math.floor(monthsUsed / 12);
  const mon = (monthsUsed % 12) + 1;
  monthsUsed += 1;
  const month = `${year}-${String(mon).padStart(2, "0")}`;
  // Noon in Shanghai on that day.
  return { month, at: (day: number) => Date.UTC(year, mon - 1, day, 4, 0) };
}

/** <loc>s and <lastmod>s of a url set or index, in order. */
function entries(xml: string): { loc: string; lastmod: string | null }[] {
  return [...xml.matchAll(/<(?:url|sitemap)><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => ({ loc: m[1] ?? "", lastmod: m[2] ?? null }));
}

const monthPath = (month: string) => `/sitemaps/${month}.xml`;

describe("the sitemap index and monthly sitemaps", () => {
  it("lists each month with articles, and each month its articles, absolute and canonical, with their last change", async () => {
    const { month, at } = freshMonth();
    const section = uniqueSlug("sm");
    const first = await makeArticle({ section, publishedAt: at(3) });
    const second = await makeArticle({ section, publishedAt: at(20) });
    const res = await read(monthPath(month));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const mine = entries(xml).filter((e) => e.loc.includes(`/html/${section}/`));
    expect(mine).toEqual([
      { loc: `${SITE}/html/${section}/${first.id}.html`, lastmod: toRfc3339(first.updatedAt) },
      { loc: `${SITE}/html/${section}/${second.id}.html`, lastmod: toRfc3339(second.updatedAt) },
    ]);
    const index = entries(await (await read("/sitemap.xml")).text());
    expect(index[0]).toEqual({ loc: `${SITE}/sitemaps/sections.xml`, lastmod: expect.stringMatching(/\+08:00$/) });
    const listed = index.find((e) => e.loc === `${SITE}${monthPath(month)}`);
    expect(listed?.lastmod).not.toBeNull();
    expect(Date.parse(listed?.lastmod ?? "")).toBeGreaterThanOrEqual(Math.floor(second.updatedAt / 1000) * 1000);
    // Newest month first.
    const months = index.slice(1).map((e) => e.loc);
    expect(months).toEqual([...months].sort().reverse());
  });

  it("files an article under Shanghai's month, and lists every section in sections.xml", async () => {
    const section = uniqueSlug("sm");
    await makeSection(section, "月份栏目");
    // 1998-01-01 00:30 in Shanghai is still 1997-12-31 in UTC.
    const a = await makeArticle({ section, publishedAt: Date.UTC(1997, 11, 31, 16, 30) });
    expect(entries(await (await read("/sitemaps/1998-01.xml")).text()).map((e) => e.loc)).toContain(`${SITE}/html/${section}/${a.id}.html`);
    expect(entries(await (await read("/sitemaps/1997-12.xml")).text()).map((e) => e.loc)).not.toContain(`${SITE}/html/${section}/${a.id}.html`);
    const sections = entries(await (await read("/sitemaps/sections.xml")).text());
    expect(sections.find((e) => e.loc === `${SITE}/html/${section}/`)?.lastmod).toBe(toRfc3339(a.updatedAt));
  });

  it("follows publish, edit, move and unpublish, and a change purges only its own month", async () => {
    const mine = freshMonth();
    const other = freshMonth();
    const [a, b] = [uniqueSlug("sm"), uniqueSlug("sm")];
    await makeSection(b, "迁入栏目");
    const editor = await makeKey("editor");
    const kept = await makeArticle({ section: a, publishedAt: mine.at(1) });
    const target = await makeArticle({ section: a, publishedAt: mine.at(2) });
    const elsewhere = await makeArticle({ section: a, publishedAt: other.at(2) });
    const locs = async (month: string) => entries(await (await read(monthPath(month))).text()).filter((e) => e.loc.includes(`/html/${a}/`) || e.loc.includes(`/html/${b}/`));
    // Both months cached.
    for (const m of [mine.month, other.month]) {
      await read(monthPath(m));
      expect((await read(monthPath(m))).headers.get("X-Cache")).toBe("HIT");
    }
    const edited = await admin(editor, "PATCH", `/${target.id}`, { title: "改过标题" });
    expect((await read(monthPath(other.month))).headers.get("X-Cache")).toBe("HIT");
    const afterEdit = await read(monthPath(mine.month));
    expect(afterEdit.headers.get("X-Cache")).toBe("MISS");
    expect(entries(await afterEdit.text()).find((e) => e.loc.endsWith(`/${target.id}.html`))?.lastmod).toBe(edited.updated_at);
    await admin(editor, "PATCH", `/${target.id}`, { section: b });
    expect(await locs(mine.month)).toEqual([
      { loc: `${SITE}/html/${a}/${kept.id}.html`, lastmod: toRfc3339(kept.updatedAt) },
      expect.objectContaining({ loc: `${SITE}/html/${b}/${target.id}.html` }),
    ]);
    await admin(editor, "POST", `/${target.id}/unpublish`);
    expect((await locs(mine.month)).map((e) => e.loc)).toEqual([`${SITE}/html/${a}/${kept.id}.html`]);
    expect((await locs(other.month)).map((e) => e.loc)).toEqual([`${SITE}/html/${a}/${elsewhere.id}.html`]);
    // A backdated republish moves it to the month it now belongs to.
    await admin(editor, "POST", `/${target.id}/publish`, { publish_at: toRfc3339(other.at(9)) });
    expect((await locs(other.month)).map((e) => e.loc)).toEqual([`${SITE}/html/${a}/${elsewhere.id}.html`, `${SITE}/html/${b}/${target.id}.html`]);
    expect(shanghaiMonth(other.at(9))).toBe(other.month);
    // The month table agrees with the archive after all of it.
    for (const m of [mine.month, other.month]) await expectCountMatches(m);
  });

  it("is a 404 for a month with nothing published and for what is no month at all", async () => {
    const editor = await makeKey("editor");
    const { month, at } = freshMonth();
    const only = await makeArticle({ section: uniqueSlug("sm"), publishedAt: at(5) });
    await admin(editor, "POST", `/${only.id}/unpublish`);
    expect((await read(monthPath(month))).status).toBe(404);
    expect(entries(await (await read("/sitemap.xml")).text()).map((e) => e.loc)).not.toContain(`${SITE}${monthPath(month)}`);
    for (const path of ["/sitemaps/1999-13.xml", "/sitemaps/1999-1.xml", "/sitemaps/1999-01-1.xml", "/sitemaps/1999-01-02.xml", "/sitemaps/x.xml"]) {
      expect((await read(path)).status, path).toBe(404);
    }
  });
});

describe("the Google News sitemap", () => {
  it("lists what went out in the last two days with the publication, its date and title; older and withdrawn articles not", async () => {
    const section = uniqueSlug("nw");
    const editor = await makeKey("editor");
    const fresh = await makeArticle({ section, title: "岚江 & 两岸<夜景>" });
    const old = await makeArticle({ section, title: "三天前的稿件", publishedAt: Date.now() - 3 * 86_400_000 });
    const res = await read("/sitemap-news.xml");
    expect(res.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">');
    expect(xml).toContain(
      `<url><loc>${SITE}/html/${section}/${fresh.id}.html</loc><news:news><news:publication><news:name>${env.SITE_NAME}</news:name><news:language>zh-cn</news:language></news:publication><news:publication_date>${toRfc3339(fresh.publishedAt as number)}</news:publication_date><news:title>岚江 &amp; 两岸&lt;夜景&gt;</news:title></news:news></url>`,
    );
    expect(xml).not.toContain(`/${old.id}.html`);
    // A move changes the URL it lists, not its place in the window.
    const moved = uniqueSlug("nw");
    await makeSection(moved, "迁入栏目");
    await admin(editor, "PATCH", `/${fresh.id}`, { section: moved });
    const afterMove = await (await read("/sitemap-news.xml")).text();
    expect(afterMove).toContain(`<loc>${SITE}/html/${moved}/${fresh.id}.html</loc>`);
    expect(afterMove).not.toContain(`<loc>${SITE}/html/${section}/${fresh.id}.html</loc>`);
    // Kept no longer than until its oldest article leaves the window.
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("Cache-Control") ?? "")?.[1]);
    expect(maxAge).toBeLessThanOrEqual(30);
    await admin(editor, "POST", `/${fresh.id}/unpublish`);
    expect(await (await read("/sitemap-news.xml")).text()).not.toContain(`/${fresh.id}.html`);
  });
});

describe("the Google News sitemap after two quiet days", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is a 404 — an empty url set is no sitemap — until the next article goes out", async () => {
    // Ten years on, every article the tests published is long out of the window.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 365 * 86_400_000);
    const quiet = await read("/sitemap-news.xml");
    expect(quiet.status).toBe(404);
    expect(await quiet.text()).not.toContain("<urlset");
    // Kept as briefly as any 404, so the first article of the next day is not hidden behind it.
    expect(quiet.headers.get("Cache-Control")).toBe("public, max-age=10");
    const section = uniqueSlug("nw");
    const next = await makeArticle({ section, title: "雨后的岚江" });
    const news = await read("/sitemap-news.xml");
    expect(news.status).toBe(200);
    expect(entries(await news.text()).map((e) => e.loc)).toEqual([`${SITE}/html/${section}/${next.id}.html`]);
  });
});

describe("robots.txt", () => {
  it("names both sitemaps and keeps crawlers out of the editors' API and previews", async () => {
    const res = await read("/robots.txt");
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text.split("\n")).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /api/v1/admin/", "Disallow: /preview/", `Sitemap: ${SITE}/sitemap.xml`, `Sitemap: ${SITE}/sitemap-news.xml`]));
  });
});

/** sitemap_months says of `month` what counting the archive says. */
async function expectCountMatches(month: string): Promise<number> {
  const row = await env.DB.prepare("SELECT articles FROM sitemap_months WHERE month = ?").bind(month).first<{ articles: number }>();
  const { count } = (await env.DB.prepare(
    "SELECT COUNT(*) AS count FROM articles WHERE status = 'published' AND strftime('%Y-%m', published_at / 1000 + 28800, 'unixepoch') = ?",
  )
    .bind(month)
    .first<{ count: number }>()) ?? { count: -1 };
  expect(row?.articles ?? 0, month).toBe(count);
  return count;
}

describe("a month past the limit of one sitemap", () => {
  it("is read in parts of the limit's size, oldest first, each part once, none past the end", async () => {
    const { month, at } = freshMonth();
    const section = uniqueSlug("pt");
    const made: Article[] = [];
    for (let day = 1; day <= 5; day++) made.push(await makeArticle({ section, publishedAt: at(day) }));
    // The route reads parts of 50,000; the same read, with parts of 2.
    const parts = await Promise.all([1, 2, 3, 4].map((part) => readMonthSitemap(env.DB, month, part, 2)));
    expect(parts.map((p) => p?.map((u) => u.path))).toEqual([
      made.slice(0, 2).map((a) => `/html/${section}/${a.id}.html`),
      made.slice(2, 4).map((a) => `/html/${section}/${a.id}.html`),
      made.slice(4).map((a) => `/html/${section}/${a.id}.html`),
      undefined,
    ]);
  });
});

describe("a part number no month could reach", () => {
  it("is a 404, never a server error, however many digits it has", async () => {
    const { month, at } = freshMonth();
    await makeArticle({ section: uniqueSlug("pn"), publishedAt: at(2) });
    expect((await read(monthPath(month))).status).toBe(200);
    for (const part of ["99999999999999999999", "9007199254740993", "180143985094820", "1".repeat(400)]) {
      const res = await read(`/sitemaps/${month}-${part}.xml`);
      expect(res.status, part).toBe(404);
    }
    expect(await readMonthSitemap(env.DB, month, Number("9".repeat(30)), 50_000)).toBeNull();
  });
});

describe("bookkeeping", () => {
  it("counts each month's articles as the archive holds them", async () => {
    const { month, at } = freshMonth();
    const made: Article[] = [];
    for (let day = 1; day <= 3; day++) made.push(await makeArticle({ section: uniqueSlug("bk"), publishedAt: at(day) }));
    expect(await expectCountMatches(month)).toBeGreaterThanOrEqual(made.length);
  });
});
