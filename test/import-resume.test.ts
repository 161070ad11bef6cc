// An import that stops halfway — stopped by its operator, or cut off by a failure — leaves whole batches
// only, and the next run of the same command carries on from there: nothing twice, nothing missing.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Db } from "../src/domain/db.ts";
import { loadArticle } from "../src/db/article-load.ts";
import { importDump, tableCounts } from "./import-fixture.ts";

/** Every listing numbered 1…n without gaps, and every article with one revision, one audit entry, one origin. */
async function consistent() {
  const gaps = await env.DB.prepare(
    `SELECT section_id FROM section_listing GROUP BY section_id HAVING MIN(position) <> 1 OR MAX(position) <> COUNT(*)`,
  ).all();
  expect(gaps.results).toEqual([]);
  const counts = await tableCounts();
  const imports = await env.DB.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'article.import'`).first<{ n: number }>();
  expect(counts.revisions).toBe(counts.articles);
  expect(imports?.n).toBe(counts.articles);
  expect(counts.legacy_articles).toBe(counts.articles);
  return { articles: counts.articles ?? 0 };
}

describe("an interrupted import", () => {
  it("stops after the batches in flight when asked, and the next run imports the rest", async () => {
    const stop = new AbortController();
    const first = await importDump("dedecms", "dedecms-utf8.sql", {
      batchSize: 2,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.phase === "articles" && p.rows >= 4) stop.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    const partial = first.articles.published + first.articles.submitted + first.articles.drafts;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(8);
    await consistent();

    const second = await importDump("dedecms", "dedecms-utf8.sql", { batchSize: 2 });
    expect(second.interrupted).toBe(false);
    expect(second.articles.unchanged).toBe(partial);
    expect(second.articles.published + second.articles.submitted + second.articles.drafts).toBe(8 - partial);
    expect((await consistent()).articles).toBe(8);
  });

  it("leaves whole batches when a write fails midway, and the next run completes without doubles", async () => {
    let writes = 0;
    // The second article batch fails as D1 does when the connection drops (a section batch is one or two statements).
    const flaky: Db = {
      prepare: (query) => env.DB.prepare(query),
      batch: async (statements) => {
        if (statements.length >= 8 && ++writes === 2) throw new Error("D1_ERROR: Network connection lost.");
        return env.DB.batch(statements);
      },
    };
    await expect(importDump("phpcms", "phpcms-utf8.sql", { db: flaky, uploads: null, batchSize: 2 })).rejects.toThrow("Network connection lost");
    const cut = await consistent();
    const before = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM articles WHERE id BETWEEN 101 AND 108`).first<{ n: number }>())?.n ?? 0;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(5);

    const resumed = await importDump("phpcms", "phpcms-utf8.sql", { uploads: null, batchSize: 2 });
    expect(resumed.articles.unchanged).toBe(before);
    expect(resumed.articles.published + resumed.articles.submitted + resumed.articles.drafts).toBe(5 - before);
    expect((await consistent()).articles).toBe(cut.articles - before + 5);
  });

  it("brings in the pictures of articles first imported without --uploads when run again with --uploads --update", async () => {
    // The PHPCMS fixture went in above without its uploads folder: article 101 shows no pictures yet.
    expect((await loadArticle(env.DB, 101))?.article.coverImage).toBeNull();
    const again = await importDump("phpcms", "phpcms-utf8.sql", { update: true });
    // 101 names a cover and a body picture; the others name none and are left alone.
    expect(again.articles.updated).toEqual([101]);
    expect(again.images.stored).toBe(2);
    const article = (await loadArticle(env.DB, 101))?.article;
    expect(article?.coverImage).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(article?.bodyHtml).toMatch(/<img src="\/media\/[0-9a-f]{64}\.png"/);
  });
});
