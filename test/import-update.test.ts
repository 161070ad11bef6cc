// A newer dump of the same site (the final one, taken on the evening of the move): a second run keeps what
// it imported unless asked (--update), and never overwrites what the newsroom edited in Masthead since.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadArticle } from "../src/db/article-load.ts";
import { listRevisions } from "../src/db/revisions.ts";
import { changeArticle } from "../src/publish/changes.ts";
import { page } from "./html.ts";
import { dumpBytes, importDump } from "./import-fixture.ts";
import { TEST_ACTOR } from "./fixtures.ts";

const OLD_TITLE = "市委常委会研究部署防汛抗旱工作";
const NEW_TITLE = "市委常委会专题研究部署防汛抗旱工作";

describe("importing a newer dump", () => {
  it("reports what changed, updates it with --update, and keeps the newsroom's edits", async () => {
    await importDump("dedecms", "dedecms-utf8.sql");
    await changeArticle(env.DB, 88594, { kind: "update", patch: { subtitle: "编辑部补充" } }, { actor: TEST_ACTOR, now: Date.now() });
    const newer = new TextEncoder().encode(
      new TextDecoder()
        .decode(dumpBytes("dedecms-utf8.sql"))
        .replace(OLD_TITLE, NEW_TITLE)
        .replace("全市&quot;两新&quot;组织党建工作推进会召开", "全市两新组织党建工作推进会在岚城区召开"),
    );

    const kept = await importDump("dedecms", newer);
    expect(kept.articles.changedKept.sort()).toEqual([88590, 88594]);
    expect((await loadArticle(env.DB, 88590))?.article.title).toBe(OLD_TITLE);

    const updated = await importDump("dedecms", newer, { update: true });
    expect(updated.articles.updated).toEqual([88590]);
    expect(updated.articles.editedKept).toEqual([88594]);
    expect(updated.articles.unchanged).toBe(6);
    expect(await page("/html/xw/dzyw/88590.html")).toContain(NEW_TITLE);
    expect((await listRevisions(env.DB, 88590)).map((r) => [r.version, r.action, r.actor])).toEqual([
      [2, "update", "import"],
      [1, "publish", "import"],
    ]);
    const edited = (await loadArticle(env.DB, 88594))?.article;
    expect([edited?.subtitle, edited?.title]).toEqual(["编辑部补充", '全市"两新"组织党建工作推进会召开']);
    // The neighbours' links follow the new title.
    expect(await page("/html/xw/dzyw/88594.html")).toContain(NEW_TITLE);

    const again = await importDump("dedecms", newer, { update: true });
    expect(again.articles.updated).toEqual([]);
    expect(again.articles.unchanged).toBe(7);
  });
});
