// The one write path's report: what each change touched, which the edge cache will purge by.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { changeArticle, publishDueArticles } from "../src/publish/changes.ts";
import { TEST_ACTOR as actor, makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";

const at = (day: number) => Date.UTC(2024, 0, day);

describe("the change report", () => {
  it("names the old and new neighbours and both section chains when a published article moves", async () => {
    const root = uniqueSlug("rp");
    await makeSection(`${root}/a`);
    await makeSection(`${root}/b`);
    const [a1, moving, a3] = [
      await makeArticle({ section: `${root}/a`, title: "甲一", publishedAt: at(1) }),
      await makeArticle({ section: `${root}/a`, title: "甲二", publishedAt: at(2) }),
      await makeArticle({ section: `${root}/a`, title: "甲三", publishedAt: at(3) }),
    ];
    const b1 = await makeArticle({ section: `${root}/b`, title: "乙一", publishedAt: at(1) });
    const report = await changeArticle(env.DB, moving.id, { kind: "update", patch: { section: `${root}/b` } }, { actor, now: Date.now(), ifMatch: [moving.version] });
    expect(report.changed).toBe(true);
    expect(new Set(report.neighbours)).toEqual(new Set([a1.id, a3.id, b1.id]));
    expect(new Set(report.sectionPaths)).toEqual(new Set([root, `${root}/a`, `${root}/b`]));
    expect(report.chain.map((s) => s.path)).toEqual([root, `${root}/b`]);
  });

  it("names nothing for a draft's edit, and reports no change for a repeated publish", async () => {
    const section = uniqueSlug("rp");
    const draft = await makeArticle({ section, status: "draft" });
    const edit = await changeArticle(env.DB, draft.id, { kind: "update", patch: { title: "改稿" } }, { actor, now: Date.now() });
    expect(edit.sectionPaths).toEqual([]);
    expect(edit.neighbours).toEqual([]);
    const first = await changeArticle(env.DB, draft.id, { kind: "publish" }, { actor, now: Date.now() });
    expect(first.sectionPaths).toEqual([section]);
    const again = await changeArticle(env.DB, draft.id, { kind: "publish" }, { actor, now: Date.now() });
    expect(again.changed).toBe(false);
  });

  it("names the neighbours that lose their link when an article leaves the site", async () => {
    const section = uniqueSlug("rp");
    const older = await makeArticle({ section, publishedAt: at(1) });
    const leaving = await makeArticle({ section, publishedAt: at(2) });
    const newer = await makeArticle({ section, publishedAt: at(3) });
    const report = await changeArticle(env.DB, leaving.id, { kind: "trash" }, { actor, now: Date.now() });
    expect(new Set(report.neighbours)).toEqual(new Set([older.id, newer.id]));
    expect(report.sectionPaths).toEqual([section]);
  });
});

describe("a schedule taken off", () => {
  it.each([["unpublish" as const], ["trash" as const]])("by %s is cancelled: a later publish goes out now, not at the withdrawn time", async (kind) => {
    const section = uniqueSlug("rp");
    const now = Date.now();
    const scheduled = await makeArticle({ section, status: "scheduled", publish_at: now + 86_400_000 });
    await changeArticle(env.DB, scheduled.id, { kind }, { actor, now });
    if (kind === "trash") await changeArticle(env.DB, scheduled.id, { kind: "untrash" }, { actor, now });
    const report = await changeArticle(env.DB, scheduled.id, { kind: "publish" }, { actor, now });
    expect(report.article.status).toBe("published");
    expect(report.article.publishedAt).toBe(now);
  });
});

describe("the scheduler", () => {
  it("publishes due articles at their scheduled times, a bounded number a run, the rest on the next", async () => {
    const section = uniqueSlug("rp");
    const now = Date.now();
    const scheduled = [];
    for (let i = 0; i < 5; i++) {
      scheduled.push(await makeArticle({ section, status: "scheduled", publish_at: now + 60_000 + i }));
    }
    const later = await makeArticle({ section, status: "scheduled", publish_at: now + 86_400_000 });
    const published: number[] = [];
    for (let run = 0; run < 3; run++) {
      const reports = await publishDueArticles(env.DB, now + 120_000, 2);
      expect(reports.length).toBeLessThanOrEqual(2);
      for (const r of reports) {
        expect(r.article.publishedAt).toBe(r.article.publishAt);
        if (r.chain.at(-1)?.path === section) published.push(r.article.id);
      }
    }
    expect(published.sort()).toEqual(scheduled.map((a) => a.id).sort());
    expect(published).not.toContain(later.id);
  });

});
