// The reader's miss path and its budget, held as write-path.test.ts holds writes: every page a reader asks
// for is one D1 round trip of one statement (a statement is a round of D1's work of its own, a batch of six
// cost twice one), and what that statement reads does not grow with the archive.
import { describe, expect, it } from "vitest";
import { articleUrl, sectionUrl } from "../src/content/urls.ts";
import { makeArticles, makeSection, uniqueSlug } from "./fixtures.ts";
import { settledFetch } from "./settle.ts";
import { makeKey } from "./keys-fixture.ts";
import { call, makeTopic, uniqueName } from "./curation-fixture.ts";

type D1Use = { status: number; roundTrips: number; statements: number; rowsRead: number };

const TIMING = /d1;[^,]*desc="round_trips=(\d+) queries=(\d+) rows_read=(\d+)/;

/** A reader's request rendered from D1, as every miss is (no edge cache), and what it asked of D1. */
async function miss(path: string): Promise<D1Use> {
  const res = await settledFetch(`http://localhost${path}`, {}, { EDGE_CACHE: "off" });
  await res.arrayBuffer();
  const [, roundTrips, statements, rowsRead] = TIMING.exec(res.headers.get("Server-Timing") ?? "") ?? [];
  return { status: res.status, roundTrips: Number(roundTrips), statements: Number(statements), rowsRead: Number(rowsRead) };
}

const ONE_STATEMENT = { roundTrips: 1, statements: 1 };

/** A section with a subsection, `count` articles in the subsection, and the URLs of each kind of page. */
async function site(count: number) {
  const root = uniqueSlug("rp");
  const path = `${root}/sub`;
  await makeSection(root, "要闻");
  const articles = await makeArticles(path, count);
  const middle = articles[Math.floor(count / 2)];
  if (!middle) throw new Error("fixture");
  return { root, path, middle };
}

describe("every reader page is one D1 round trip of one statement", () => {
  it("an article page, the JSON article, a section's first and last page, and home", async () => {
    const { root, path, middle } = await site(25);
    for (const url of [articleUrl(path, middle.id), `/api/v1/articles/${middle.id}`, sectionUrl(root), `${sectionUrl(root)}index_2.html`, "/"]) {
      expect({ url, ...(await miss(url)) }).toMatchObject({ url, status: 200, ...ONE_STATEMENT });
    }
  });

  it("a page that is not there, or an article under another section's path, costs the same one statement", async () => {
    const { root, path, middle } = await site(1);
    const unknownArticle = articleUrl(path, middle.id + 1_000_000);
    for (const url of [unknownArticle, `/api/v1/articles/${middle.id + 1_000_000}`, sectionUrl(`${root}/nope`), `${sectionUrl(root)}index_9.html`]) {
      expect({ url, ...(await miss(url)) }).toMatchObject({ url, status: 404, ...ONE_STATEMENT });
    }
    expect(await miss(articleUrl(root, middle.id))).toMatchObject({ status: 301, ...ONE_STATEMENT });
  });
});

/** Rows read by each of `urls` on a miss, in order. */
async function rowsReadBy(urls: string[]) {
  const rows: { url: string; rowsRead: number }[] = [];
  for (const url of urls) rows.push({ url, rowsRead: (await miss(url)).rowsRead });
  return rows;
}

describe("a topic's page is one statement too", () => {
  it("its first and a further page, and a topic or page that is not there", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("rp"));
    for (const a of await makeArticles(uniqueSlug("rp"), 25)) await call(editor, "PUT", `/topics/${topic.slug}/articles/${a.id}`);
    const base = `/special/${topic.slug}/`;
    for (const [url, status] of [[base, 200], [`${base}index_2.html`, 200], [`${base}index_9.html`, 404], [`/special/${uniqueName("no")}/`, 404]] as const) {
      expect({ url, ...(await miss(url)) }).toMatchObject({ url, status, ...ONE_STATEMENT });
    }
  }, 60_000);
});

describe("what a page reads does not grow with the archive", () => {
  it("reads as many rows with 80 articles in the section as with 40, and its last page as many as its second", async () => {
    const { root, path, middle } = await site(40);
    const urls = [articleUrl(path, middle.id), `/api/v1/articles/${middle.id}`, sectionUrl(root), `${sectionUrl(root)}index_2.html`, "/"];
    const before = await rowsReadBy(urls);
    for (const { rowsRead } of before) expect(rowsRead).toBeGreaterThan(0);
    // Older than all the others: the pages above, and the article's neighbours, show what they showed.
    await makeArticles(path, 40, Date.UTC(2020, 0, 1));
    expect(await rowsReadBy(urls)).toEqual(before);
    expect((await miss(`${sectionUrl(root)}index_4.html`)).rowsRead).toBe(before[3]?.rowsRead);
    // Eighty articles through the write path: more than the default five seconds on a busy machine.
  }, 60_000);
});
