// The search index follows every change in the change's own batch: the answer to the change is not sent
// before a search sees it, and nothing else has to run. Also the bulk import, and the backlog of articles
// that existed before search did.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { importPublishedArticles } from "../src/publish/import.ts";
import { indexBacklog } from "../src/publish/reindex.ts";
import { changeArticle } from "../src/publish/changes.ts";
import { docTime, reindexStatements } from "../src/db/search-index.ts";
import { getSectionChain } from "../src/db/sections.ts";
import { TEST_ACTOR, followUp, makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { ORIGIN, idsEditorsFind, idsFound, readerSearch } from "./search-fixture.ts";
import { settledFetch } from "./settle.ts";
import { admin } from "./admin-fixture.ts";

describe("an edit changes what a search finds, in the same change", () => {
  it("removes the hit when the word is edited out and adds it when it is edited in", async () => {
    const section = uniqueSlug("si");
    const editor = await makeKey("editor");
    const article = await makeArticle({ section, title: "青禾县召开会议", body: "会议部署了防汛抗旱工作。" });
    expect(await idsFound("防汛", section)).toEqual([article.id]);
    await admin(editor, "PATCH", `/${article.id}`, { body: "会议部署了安全生产工作。" });
    expect(await idsFound("防汛", section)).toEqual([]);
    expect(await idsFound("安全生产", section)).toEqual([article.id]);
    await admin(editor, "PATCH", `/${article.id}`, { title: "青禾县部署防汛工作" });
    expect(await idsFound("防汛", section)).toEqual([article.id]);
  });

  it("is not kept from readers by the edge cache: a cached search is purged by the change", async () => {
    const section = uniqueSlug("si");
    const editor = await makeKey("editor");
    const article = await makeArticle({ section, title: "桐岭县秋收", body: "柑橘丰收。" });
    const path = `${ORIGIN}/api/v1/search?q=${encodeURIComponent("柑橘")}&section=${section}`;
    await settledFetch(path);
    const cached = await settledFetch(path);
    expect(cached.headers.get("X-Cache")).toBe("HIT");
    // Any string is a query: a copy is served stale for an hour at most, and registered no longer than that.
    expect(cached.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=60, stale-if-error=3600");
    const { results: kept } = await env.DB.prepare(`SELECT max(expires_at) AS until FROM cache_entries WHERE tag = 'search' AND url LIKE ?`)
      .bind(`%${encodeURIComponent("柑橘")}%`)
      .all<{ until: number }>();
    expect(kept[0]?.until).toBeLessThanOrEqual(Date.now() + (300 + 3_600) * 1000);
    expect(kept[0]?.until).toBeGreaterThan(Date.now());
    const answer = await admin(editor, "PATCH", `/${article.id}`, { body: "稻谷丰收。" });
    expect(answer.purge?.tags).toContain("search");
    const after = await settledFetch(path);
    // Rendered afresh (and, finding nothing now, not kept at all).
    expect(after.headers.get("X-Cache")).not.toBe("HIT");
    expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("moves with the article: a search of its old section no longer finds it", async () => {
    const root = uniqueSlug("si");
    await makeSection(`${root}/a`);
    await makeSection(`${root}/b`);
    const editor = await makeKey("editor");
    const article = await makeArticle({ section: `${root}/a`, title: "竹溪村茶园" });
    await admin(editor, "PATCH", `/${article.id}`, { section: `${root}/b` });
    expect(await idsFound("茶园", `${root}/a`)).toEqual([]);
    expect(await idsFound("茶园", `${root}/b`)).toEqual([article.id]);
  });
});

describe("every change of state keeps readers' and editors' searches right", () => {
  it("through publish, unpublish, archive, trash, restore and revert", async () => {
    const section = uniqueSlug("si");
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section, title: "南门社区食堂开业", status: "draft" });
    const seen = async () => ({ readers: await idsFound("食堂", section), editors: await idsEditorsFind(editor, "食堂", section) });
    expect(await seen()).toEqual({ readers: [], editors: [draft.id] });
    await admin(editor, "POST", `/${draft.id}/publish`);
    expect(await seen()).toEqual({ readers: [draft.id], editors: [draft.id] });
    await admin(editor, "POST", `/${draft.id}/unpublish`);
    expect(await seen()).toEqual({ readers: [], editors: [draft.id] });
    await admin(editor, "POST", `/${draft.id}/publish`);
    await admin(editor, "POST", `/${draft.id}/archive`);
    expect(await seen()).toEqual({ readers: [], editors: [draft.id] });
    await admin(editor, "DELETE", `/${draft.id}`);
    expect(await seen()).toEqual({ readers: [], editors: [] });
    expect(await idsEditorsFind(editor, "食堂", section, "trash")).toEqual([draft.id]);
    await admin(editor, "POST", `/${draft.id}/restore`);
    expect(await seen()).toEqual({ readers: [], editors: [draft.id] });
    await admin(editor, "PATCH", `/${draft.id}`, { title: "南门社区便民服务" });
    await admin(editor, "POST", `/${draft.id}/publish`);
    expect(await seen()).toEqual({ readers: [], editors: [] });
    // Revision 1 had the word in its title: restoring it brings the hit back, live at once.
    await admin(editor, "POST", `/${draft.id}/revisions/1/restore`);
    expect(await seen()).toEqual({ readers: [draft.id], editors: [draft.id] });
  });

  it("when the cron publishes a scheduled article", async () => {
    const section = uniqueSlug("si");
    const now = Date.now();
    const scheduled = await makeArticle({ section, title: "杉木巷社区改造完工", status: "scheduled", publish_at: now + 60_000 });
    expect(await idsFound("杉木巷", section)).toEqual([]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now + 120_000, cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await idsFound("杉木巷", section)).toEqual([scheduled.id]);
  });
});

describe("articles that arrive in bulk or from before search", () => {
  it("finds imported articles as soon as the import returns", async () => {
    const section = uniqueSlug("si");
    await makeSection(section);
    const report = await importPublishedArticles(
      env.DB,
      [
        { section, title: "旧站文章：柳塘村修路", body: "柳塘村村道硬化完工。", published_at: Date.UTC(2015, 2, 1) },
        { section, title: "旧站文章：白石村通电", body: "白石村全面通电。", published_at: Date.UTC(2015, 2, 1) },
      ],
      { actor: TEST_ACTOR, now: Date.now() },
    );
    expect(await idsFound("旧站", section)).toHaveLength(2);
    expect(await idsFound("柳塘村", section)).toEqual([report.ids[0]]);
  });

  it("indexes the backlog, and a change made meanwhile keeps what it indexed", async () => {
    const section = uniqueSlug("si");
    const kept = await makeArticle({ section, title: "滨江社区旧闻" });
    const changed = await makeArticle({ section, title: "滨江社区老稿" });
    // As they were before search existed: in the backlog, not in the index.
    await env.DB.batch(
      [kept, changed].flatMap((a) => [
        env.DB.prepare(`INSERT INTO search_backlog (article_id) VALUES (?)`).bind(a.id),
        env.DB.prepare(`DELETE FROM search_index WHERE rowid = (? << 32) | ?`).bind(docTime(a), a.id),
      ]),
    );
    const chain = await getSectionChain(env.DB, section);
    if (!chain) throw new Error("fixture");
    expect(await idsFound("滨江", section)).toEqual([]);
    // An editor changes one of them before the backlog gets to it.
    const edit = await changeArticle(env.DB, changed.id, { kind: "update", patch: { title: "滨江社区新稿" } }, { actor: TEST_ACTOR, now: Date.now() });
    await followUp(edit);
    // The backlog run read the old version: it must not put the old title back.
    await env.DB.batch(reindexStatements(env.DB, changed, chain));
    while ((await indexBacklog(env.DB)) > 0);
    expect(new Set(await idsFound("滨江", section))).toEqual(new Set([kept.id, changed.id]));
    expect(await idsFound("老稿", section)).toEqual([]);
    expect(await idsFound("新稿", section)).toEqual([changed.id]);
    const { results } = await env.DB.prepare(`SELECT count(*) AS n FROM search_backlog`).all<{ n: number }>();
    expect(results[0]?.n).toBe(0);
  });
  it("purges cached searches when the cron's backlog run indexes what they missed", async () => {
    const section = uniqueSlug("si");
    const indexed = await makeArticle({ section, title: "柘溪水库新闻", publishedAt: Date.UTC(2024, 0, 1) });
    const waiting = await makeArticle({ section, title: "柘溪水库旧闻" });
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO search_backlog (article_id) VALUES (?)`).bind(waiting.id),
      env.DB.prepare(`DELETE FROM search_index WHERE rowid = (? << 32) | ?`).bind(docTime(waiting), waiting.id),
    ]);
    // A reader searches before the backlog gets to it: the answer without it is cached at the edge.
    expect(await idsFound("柘溪", section)).toEqual([indexed.id]);
    expect((await readerSearch({ q: "柘溪", section, limit: "100" })).res.headers.get("X-Cache")).toBe("HIT");
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await idsFound("柘溪", section)).toEqual([waiting.id, indexed.id]);
  });
});

describe("what a change that fails leaves", () => {
  it("keeps the index as it was when the change is refused", async () => {
    const section = uniqueSlug("si");
    const editor = await makeKey("editor");
    const article = await makeArticle({ section, title: "石门乡修缮古桥" });
    const stale = await settledFetch(`${ORIGIN}/api/v1/admin/articles/${article.id}`, {
      method: "PATCH",
      headers: { ...editor.headers, "Content-Type": "application/json", "If-Match": '"999"' },
      body: JSON.stringify({ title: "石门乡新建公园" }),
    });
    expect(stale.status).toBe(412);
    expect(await idsFound("古桥", section)).toEqual([article.id]);
    expect((await readerSearch({ q: "公园", section })).body.items).toEqual([]);
  });
});
