// Reader reads stay O(1) in the size of the archive: every statement they send is answered from an
// index, never by scanning articles or listings, and never sorted in a temporary b-tree — but for search,
// which sorts the window of newest matches it ranks (at most SEARCH_WINDOW rows) and nothing else.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { readArticleForPreview, readPublishedArticle } from "../src/db/article-page.ts";
import { listPublished, readSectionPage } from "../src/db/listings.ts";
import { readFrontPage } from "../src/db/front-page.ts";
import { readSectionFeed, readSiteFeed } from "../src/db/feeds.ts";
import { readMonthSitemap, readNewsSitemap, readSitemapIndex } from "../src/db/sitemaps.ts";
import { readSearchPage, search } from "../src/db/search.ts";
import { parseSearchQuery } from "../src/search/query.ts";
import { legacyPathTarget, legacySectionTarget, publishedArticleTarget } from "../src/db/legacy.ts";
import { listArticlesForAdmin } from "../src/db/articles.ts";
import { loadArticle } from "../src/db/article-load.ts";
import { readEditing } from "../src/db/presence.ts";
import { readTopicFeed } from "../src/db/feeds.ts";
import { readTopicPage } from "../src/db/topic-page.ts";
import { readSectionsSitemap } from "../src/db/sitemaps.ts";
import { listDeskArticles } from "../src/db/desk-articles.ts";
import { makeArticles, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { call, makeTopic, uniqueName } from "./curation-fixture.ts";

/** The D1 handle, noting the SQL of every statement prepared through it. */
function recordingDb(): { db: D1Database; sql: string[] } {
  const sql: string[] = [];
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          sql.push(query);
          return target.prepare(query);
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, sql };
}

/** EXPLAIN QUERY PLAN of a statement, with every parameter bound to 1 (plans do not depend on values here). */
async function planOf(query: string): Promise<string[]> {
  const numbered = [...query.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]));
  const count = numbered.length ? Math.max(...numbered) : (query.match(/\?/g) ?? []).length;
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
    .bind(...Array.from({ length: count }, () => 1))
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

async function expectIndexedOnly(sql: string[]) {
  expect(sql.length).toBeGreaterThan(0);
  for (const query of sql) {
    const plan = await planOf(query);
    const bad = plan.filter((d) => /^SCAN (articles|section_listing|media|presence|revisions|[almpr])\b/.test(d) || d.includes("TEMP B-TREE"));
    expect(bad, `${query}\n${plan.join("\n")}`).toEqual([]);
  }
}

describe("reader query plans", () => {
  it("section pages and home read index ranges only", async () => {
    const section = uniqueSlug("plan");
    await makeArticles(`${section}/sub`, 3);
    const { db, sql } = recordingDb();
    await readSectionPage(db, section, 1);
    await readFrontPage(db, 8, Date.now());
    // One statement each, its lists beside it as JSON columns.
    expect(sql).toHaveLength(2);
    await expectIndexedOnly(sql);
    // The slots' items lead to their articles by key: never a walk of every published article.
    expect((await planOf(sql[1] ?? "")).filter((d) => /^SEARCH a USING (?!INTEGER PRIMARY KEY)/.test(d))).toEqual([]);
  });

  it("the list API reads index ranges only, with and without a section", async () => {
    const { db, sql } = recordingDb();
    await listPublished(db, { limit: 21, after: null });
    await listPublished(db, { limit: 21, after: [1, 1], sectionPath: "xw" });
    await expectIndexedOnly(sql);
  });

  it("an article page, the article API and a preview read by key and neighbour keysets only", async () => {
    const section = uniqueSlug("plana");
    const [a] = await makeArticles(`${section}/sub`, 2);
    if (!a) throw new Error("fixture");
    const { db, sql } = recordingDb();
    expect(await readPublishedArticle(db, a.id, { nav: true })).not.toHaveProperty("missing");
    expect(await readPublishedArticle(db, a.id, { nav: false })).not.toHaveProperty("missing");
    expect(await readArticleForPreview(db, a.id)).not.toBeNull();
    expect(sql).toHaveLength(3);
    await expectIndexedOnly(sql);
  });

  it("feeds read the newest by position or by the published index, never the archive", async () => {
    const section = uniqueSlug("planf");
    await makeArticles(`${section}/sub`, 3);
    const { db, sql } = recordingDb();
    expect(await readSectionFeed(db, section)).not.toBeNull();
    await readSiteFeed(db);
    await expectIndexedOnly(sql);
  });

  it("a topic's pages, at any depth, read a range of its positions; its feed the newest of its own index", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("plant"));
    for (const a of await makeArticles(uniqueSlug("plant"), 3)) await call(editor, "PUT", `/topics/${topic.slug}/articles/${a.id}`);
    const { db, sql } = recordingDb();
    expect(await readTopicPage(db, topic.slug, 1)).not.toHaveProperty("missing");
    expect(await readTopicPage(db, topic.slug, 5_000)).not.toHaveProperty("missing");
    expect(await readTopicFeed(db, topic.slug)).not.toBeNull();
    await expectIndexedOnly(sql);
    // The sitemap lists topics in the order they were made, from their index (sections are a few dozen, sorted).
    const sitemap = recordingDb();
    await readSectionsSitemap(sitemap.db);
    await expectIndexedOnly(sitemap.sql.filter((q) => q.includes("FROM topics")));
  });

  it("sitemaps read the month table, one month's range, or the news window", async () => {
    const { db, sql } = recordingDb();
    await readSitemapIndex(db);
    await readMonthSitemap(db, "2023-06", 1, 50_000);
    await readNewsSitemap(db, Date.now() - 2 * 86_400_000, 1000);
    await expectIndexedOnly(sql);
  });

  it("an old URL's redirect reads by primary key only", async () => {
    const { db, sql } = recordingDb();
    await publishedArticleTarget(db, 88594);
    await legacySectionTarget(db, "dedecms", 5);
    await legacyPathTarget(db, "/a/xinwen/2023/0602/88594_2.html", "/a/xinwen/2023/0602/88594.html");
    await expectIndexedOnly(sql);
  });
});

describe("the desk's query plans", () => {
  it("the review queue and the list by author read index ranges, with who has each article open by key", async () => {
    const { db, sql } = recordingDb();
    const list = { limit: 21, viewer: 1, now: Date.now() };
    await listArticlesForAdmin(db, { ...list, status: "submitted" });
    await listArticlesForAdmin(db, { ...list, status: "submitted", after: [1, 1] });
    await listArticlesForAdmin(db, { ...list, author: 1 });
    await listArticlesForAdmin(db, { ...list, author: 1, status: "draft", after: [1, 1] });
    await expectIndexedOnly(sql);
  });

  it("an article for its editor, its newest revision and who else has it open read by key", async () => {
    const [a] = await makeArticles(uniqueSlug("plane"), 1);
    if (!a) throw new Error("fixture");
    const { db, sql } = recordingDb();
    expect(await loadArticle(db, a.id)).not.toBeNull();
    await readEditing(db, a.id, 1, Date.now());
    await expectIndexedOnly(sql);
  });
});

describe("search query plans", () => {
  it("reads the newest matches from the index in descending rowid order and articles by key, sorting only that window", async () => {
    const section = uniqueSlug("plans");
    await makeArticles(section, 3);
    const parsed = parseSearchQuery("第1篇 区");
    if (!parsed.ok) throw new Error("fixture");
    const { db, sql } = recordingDb();
    const page = { limit: 20, offset: 0 };
    await search(db, parsed.query.phrases, { who: "readers" }, page);
    await search(db, parsed.query.phrases, { who: "readers", sectionPath: section }, page);
    await search(db, parsed.query.phrases, { who: "editors", state: "draft", sectionPath: section }, page);
    await readSearchPage(db, parsed.query.phrases, page);
    const searches = sql.filter((q) => q.includes("search_index"));
    expect(searches).toHaveLength(4);
    for (const query of searches) {
      const plan = await planOf(query);
      // FTS5's plan: idxNum 64 = ordered by rowid, 128 = descending; idxStr M = a MATCH on the table.
      const scan = plan.map((d) => /^SCAN search_index VIRTUAL TABLE INDEX (\d+):M/.exec(d)).find((m) => m !== null);
      expect(scan, plan.join("\n")).toBeDefined();
      expect(Number(scan?.[1]) & 192, plan.join("\n")).toBe(192);
      // One sort: the ranking of the window (at most SEARCH_WINDOW rows), never of the archive.
      expect(plan.filter((d) => d.includes("TEMP B-TREE")), plan.join("\n")).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
      expect(plan, plan.join("\n")).toContain("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)");
    }
    await expectIndexedOnly(sql.filter((q) => !q.includes("search_index")));
  });
});

const VIEWER = { actorId: 1, now: Date.now() };

describe("the desk's article list", () => {
  it("reads each filter's newest changes from an index, never sorting the articles", async () => {
    const { db, sql } = recordingDb();
    await listDeskArticles(db, { limit: 31 }, VIEWER);
    await listDeskArticles(db, { limit: 31, status: "draft", after: [1, 1] }, VIEWER);
    await listDeskArticles(db, { limit: 31, sectionId: 1 }, VIEWER);
    await listDeskArticles(db, { limit: 31, author: 1, after: [1, 1] }, VIEWER);
    for (const query of sql) {
      const plan = await planOf(query);
      expect(plan.filter((d) => d.includes("TEMP B-TREE")), `${query}\n${plan.join("\n")}`).toEqual([]);
    }
    // One author's articles are a range of their own, not a walk of everyone's in update order.
    expect((await planOf(sql[3] ?? "")).join("\n")).toMatch(/SEARCH a USING INDEX articles_by_creator_updated/);
  });
});
