// The importer's bulk writes of the front page (src/publish/curation-import.ts): a 推荐位 and a 专题 from an
// old site, through the same rules as the admin API, refusing entries one by one and storing the rest.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { tool } from "../src/domain/actor.ts";
import { importSlot, importTopic } from "../src/publish/curation-import.ts";
import { readTopicPage } from "../src/db/topic-page.ts";
import { makeArticle, makeArticles, uniqueSlug } from "./fixtures.ts";
import { uniqueName } from "./curation-fixture.ts";

const IMPORTER = tool("importer", "admin");

describe("importSlot", () => {
  it("makes the slot, keeps the entries that may be in it in order, and refuses the others by reason", async () => {
    const section = uniqueSlug("imps");
    const [a, b, c, d] = await makeArticles(section, 4);
    const draft = await makeArticle({ section, status: "draft" });
    const slug = uniqueName("imp");
    const items = [a, draft, b, { id: 4_000_000_000 }, a, c, d].map((x) => ({ article_id: x!.id }));
    const result = await importSlot(env.DB, { slug, name: "头条", capacity: 3, items }, { actor: IMPORTER, now: Date.now() });
    if (result.kind !== "imported") throw new Error(result.kind);
    expect(result.created).toBe(true);
    expect(result.slot.items.map((i) => i.articleId)).toEqual([a!.id, b!.id, c!.id]);
    expect(result.refused.map((r) => [r.articleId, r.error.code])).toEqual([
      [draft.id, "not_published"],
      [4_000_000_000, "unknown_article"],
      [a!.id, "invalid"],
      [d!.id, "over_capacity"],
    ]);
    expect(result.report.slots).toEqual([slug]);
    // Run again from the version it left: the same slot, nothing new; an editor's change since is kept.
    const again = await importSlot(env.DB, { slug, name: "头条", capacity: 3, items }, { actor: IMPORTER, now: Date.now(), ifVersion: result.slot.version });
    expect(again.kind === "imported" && [again.created, again.report.changed]).toEqual([false, false]);
    expect(await importSlot(env.DB, { slug, name: "头条", capacity: 3, items }, { actor: IMPORTER, now: Date.now(), ifVersion: result.slot.version - 1 })).toEqual({ kind: "edited" });
  });
});

describe("importTopic", () => {
  it("makes the topic with its groups and members, lists the published ones, and refuses what it cannot take", async () => {
    const section = uniqueSlug("impt");
    const [a, b, c] = await makeArticles(section, 3);
    const draft = await makeArticle({ section, status: "draft" });
    const slug = uniqueName("impt");
    const input = { slug, title: "两会专题", intro: "导语", groups: [{ name: "要闻", articles: [c!.id, draft.id, 4_000_000_000] }, { name: "图片", articles: [a!.id, b!.id, c!.id] }] };
    const result = await importTopic(env.DB, input, { actor: IMPORTER, now: Date.now() });
    if (result.kind !== "created") throw new Error(result.kind);
    expect(result.topic.groups.map((g) => [g.name, g.members])).toEqual([["要闻", 2], ["图片", 2]]);
    expect(result.refused.map((r) => [r.articleId, r.error.code])).toEqual([[4_000_000_000, "unknown_article"], [c!.id, "invalid"]]);
    const page = await readTopicPage(env.DB, slug, 1);
    if ("missing" in page) throw new Error("the topic's page is missing");
    expect(page.items.map((i) => i.id)).toEqual([c!.id, b!.id, a!.id]);
    expect(page.total).toBe(3);
    expect(await importTopic(env.DB, input, { actor: IMPORTER, now: Date.now() })).toEqual({ kind: "exists" });
  });
});
