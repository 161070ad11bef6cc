// The bulk import path (src/publish/import.ts), used by the data generator: what it stores must read
// exactly like articles published one by one through publishArticle.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { listRevisions } from "../src/db/revisions.ts";
import { getPublishedArticle, readPublishedArticle } from "../src/db/article-page.ts";
import { loadArticle } from "../src/db/article-load.ts";
import { existingArticles, legacyPathTarget } from "../src/db/legacy.ts";
import { readSectionPage } from "../src/db/listings.ts";
import { type ImportItem, importPublishedArticles } from "../src/publish/import.ts";
import { makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { tool } from "../src/domain/actor.ts";

const ACTOR = tool("seed-test", "admin");
const START = Date.UTC(2024, 2, 1, 0, 0);
const at = (minute: number) => START + minute * 60_000;

/** A section as readers see it, with each article named by its title: every page, then 上一篇/下一篇 of each. */
async function readerView(path: string, ids: number[]) {
  const pages: string[][] = [];
  for (let page = 1; ; page++) {
    const data = await readSectionPage(env.DB, path, page);
    if ("missing" in data || data.items.length === 0) break;
    pages.push(data.items.map((a) => a.title));
  }
  const neighbours: string[] = [];
  for (const id of ids) {
    const read = await readPublishedArticle(env.DB, id, { nav: false });
    if ("missing" in read) throw new Error(`article ${id} is not published`);
    neighbours.push(`${read.older?.title ?? "-"} < ${read.article.title} > ${read.newer?.title ?? "-"}`);
  }
  const first = await readSectionPage(env.DB, path, 1);
  return { pages, neighbours, total: "missing" in first ? undefined : first.total };
}

/** The same articles in two sibling trees: `one` published one by one, `bulk` imported. */
async function twinSections() {
  const root = uniqueSlug("imp");
  const one = `${root}a/x`;
  const bulk = `${root}b/x`;
  await makeSection(one);
  await makeSection(bulk);
  return { one, bulk, oneParent: `${root}a`, bulkParent: `${root}b` };
}

const item = (section: string, minute: number): ImportItem => ({ section, title: `第${minute}分`, published_at: at(minute), body: `正文 **“${minute}”**` });

describe("importPublishedArticles", () => {
  it("lists 45 articles as publishing them one by one would: positions, pages, prev/next", async () => {
    const { one, bulk, oneParent, bulkParent } = await twinSections();
    const minutes = Array.from({ length: 45 }, (_, i) => i);
    const published = [];
    for (const m of minutes) published.push(await makeArticle({ section: one, title: `第${m}分`, publishedAt: at(m), body: `正文 **“${m}”**` }));
    // Out of order on purpose: the import sorts by publication time itself.
    const shuffled = [...minutes].sort((a, b) => ((a * 7) % 45) - ((b * 7) % 45));
    const report = await importPublishedArticles(env.DB, shuffled.map((m) => item(bulk, m)), { actor: ACTOR, now: Date.now() });

    expect(report.ids).toHaveLength(45);
    expect(report.sectionPaths.sort()).toEqual([bulkParent, bulk].sort());
    const expected = await readerView(one, published.map((a) => a.id));
    const actual = await readerView(bulk, report.ids);
    expect(actual.total).toBe(45);
    expect(actual.pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(actual).toEqual(expected);
    expect((await readerView(bulkParent, [])).pages).toEqual((await readerView(oneParent, [])).pages);
  });

  it("slots older articles in among those already listed", async () => {
    const { one, bulk } = await twinSections();
    // Both sections first get the even minutes; then the odd ones arrive, published or imported.
    const evens = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22];
    const odds = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25];
    for (const section of [one, bulk]) for (const m of evens) await makeArticle({ section, title: `第${m}分`, publishedAt: at(m) });
    for (const m of odds) await makeArticle({ section: one, title: `第${m}分`, publishedAt: at(m) });
    await importPublishedArticles(env.DB, odds.map((m) => item(bulk, m)), { actor: ACTOR, now: Date.now() });

    const [expected, actual] = [await readerView(one, []), await readerView(bulk, [])];
    expect(actual.total).toBe(25);
    expect(actual.pages[0]?.[0]).toBe("第25分");
    expect(actual.pages).toEqual(expected.pages);
  });

  it("keeps a publish revision by the importer, the legacy ids it is given, and reserves the others", async () => {
    const { bulk } = await twinSections();
    const legacy = 900_000_000 + Math.floor(Math.random() * 1e8);
    const report = await importPublishedArticles(
      env.DB,
      [{ ...item(bulk, 1), id: legacy }, item(bulk, 2)],
      { actor: ACTOR, now: Date.now() },
    );
    expect(report.ids[0]).toBe(legacy);
    const placed = await getPublishedArticle(env.DB, legacy);
    expect(placed?.article).toMatchObject({ status: "published", version: 1, publishAt: at(1), publishedAt: at(1), createdAt: at(1) });
    // The article without an id got a reserved one, which a later create does not reuse.
    const numbered = report.ids[1] as number;
    expect((await getPublishedArticle(env.DB, numbered))?.article.title).toBe("第2分");
    expect((await makeArticle({ section: bulk })).id).not.toBe(numbered);
    expect(placed?.article.bodyHtml).toContain("<strong>“1”</strong>");
    expect(await listRevisions(env.DB, legacy)).toEqual([{ version: 1, action: "publish", actor: "seed-test", createdAt: at(1) }]);
    await expect(
      importPublishedArticles(env.DB, [{ ...item(bulk, 3), id: legacy }], { actor: ACTOR, now: Date.now() }),
    ).rejects.toMatchObject({ code: "id_taken" });
  });

  it("imports drafts off every listing, with a create revision", async () => {
    const { bulk } = await twinSections();
    const id = 910_000_000 + Math.floor(Math.random() * 1e7);
    const report = await importPublishedArticles(env.DB, [{ ...item(bulk, 1), id, status: "draft" }, item(bulk, 2)], { actor: ACTOR, now: Date.now() });
    expect(report.refused).toEqual([]);
    expect((await loadArticle(env.DB, id))?.article).toMatchObject({ status: "draft", publishAt: null, publishedAt: null, createdAt: at(1) });
    expect(await listRevisions(env.DB, id)).toEqual([{ version: 1, action: "create", actor: "seed-test", createdAt: at(1) }]);
    expect((await readerView(bulk, [])).total).toBe(1);
  });

  it("refuses, one by one, items that break the write path's rules, and imports the others", async () => {
    const { bulk } = await twinSections();
    const report = await importPublishedArticles(
      env.DB,
      [item(bulk, 1), { ...item(bulk, 2), title: "\u200b" }, { ...item("no/such-section", 3) }, { ...item(bulk, 4), body: "![](/media/" + "0".repeat(64) + ".png)" }, { ...item(bulk, 5), published_at: 0 }],
      { actor: ACTOR, now: Date.now() },
    );
    expect(report.ids).toHaveLength(1);
    expect(report.refused.map((r) => [r.item.published_at, r.error.code])).toEqual([
      [at(2), "invalid"],
      [0, "invalid"],
      [at(3), "unknown_section"],
      [at(4), "unknown_image"],
    ]);
    expect((await readerView(bulk, [])).total).toBe(1);
  });

  it("records where an imported article came from, and its old paths, in the same batch", async () => {
    const { bulk } = await twinSections();
    const id = 920_000_000 + Math.floor(Math.random() * 1e7);
    const path = `/a/${bulk}/${id}.html`;
    await importPublishedArticles(env.DB, [{ ...item(bulk, 1), id, legacy: { system: "dedecms", fingerprint: "f1", paths: [path] } }], { actor: ACTOR, now: Date.now() });
    expect((await existingArticles(env.DB, [id])).get(id)).toEqual({ id, version: 1, imported: { system: "dedecms", fingerprint: "f1", version: 1 } });
    expect(await legacyPathTarget(env.DB, path, null)).toEqual({ kind: "article", id, sectionPath: bulk });
  });
});
