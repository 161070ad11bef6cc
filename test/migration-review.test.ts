// Migration 0012 rebuilds the articles table (SQLite cannot alter its CHECK to admit 'submitted'). On a
// database at 0011 holding what the write path makes — every status, the trash, listings, revisions, an
// imported article's old paths — every row survives as it was, every index and foreign key is back, and
// the write path works on it afterwards.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { applyD1Migrations } from "cloudflare:test";
import { changeArticle, createArticle } from "../src/publish/changes.ts";
import { importPublishedArticles } from "../src/publish/import.ts";
import { TEST_ACTOR, makeArticle, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import type { Actor } from "../src/domain/actor.ts";

const OLD = env.TEST_MIGRATIONS.filter((m) => m.name < "0012");
const db = env.MIGRATION_DB;

type Row = Record<string, unknown>;

const columnsOf = async (d: D1Database, table: string) =>
  (await d.prepare(`SELECT name FROM pragma_table_info(?)`).bind(table).all<{ name: string }>()).results.map((r) => r.name);

/** Copies rows of `table` (those `where` picks) from the test database into the old one, by the old schema's columns. */
async function copy(table: string, where = "1") {
  const columns = await columnsOf(db, table);
  // By the first column (an id, for sections: parents before their children, as the foreign key needs).
  const { results } = await env.DB.prepare(`SELECT ${columns.join(", ")} FROM ${table} WHERE ${where} ORDER BY 1`).all<Row>();
  const insert = `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  if (results.length) await db.batch(results.map((r) => db.prepare(insert).bind(...columns.map((c) => r[c] ?? null))));
}

const all = async (d: D1Database, sql: string, binds: unknown[] = []) => (await d.prepare(sql).bind(...binds).all<Row>()).results;

describe("migration 0012 on a database holding articles", () => {
  it("keeps every article, listing, revision and old path, every index and foreign key, and the write path works on it", async () => {
    // What the write path makes, in the test database (at today's schema).
    const section = uniqueSlug("mg");
    const key = await makeKey("editor");
    const editor: Actor = { kind: "key", id: key.key.id, name: key.key.name, role: "editor" };
    const published = await makeArticle({ section: `${section}/sub`, title: "已发布", body: "正文 **粗**", publishedAt: Date.UTC(2023, 5, 1) });
    const scheduled = await makeArticle({ section, title: "定时", status: "scheduled", publish_at: Date.now() + 86_400_000 });
    const draft = await makeArticle({ section, title: "草稿", status: "draft" });
    const archived = await makeArticle({ section, title: "归档" });
    const trashed = await makeArticle({ section, title: "回收站" });
    const now = Date.now();
    await changeArticle(env.DB, published.id, { kind: "update", patch: { title: "已发布（改）" } }, { actor: editor, now });
    await changeArticle(env.DB, archived.id, { kind: "archive" }, { actor: editor, now });
    await changeArticle(env.DB, trashed.id, { kind: "trash" }, { actor: editor, now });
    const imported = await importPublishedArticles(
      env.DB,
      [{ section, title: "旧站稿件", body: "旧正文", published_at: Date.UTC(2019, 0, 2), legacy: { system: "dedecms", fingerprint: "f", paths: [`/a/${section}/2019/0102/x.html`] } }],
      { actor: TEST_ACTOR, now },
    );
    const ids = [published.id, scheduled.id, draft.id, archived.id, trashed.id, ...imported.ids];
    const idList = ids.join(", ");

    // The same rows in a database at 0011.
    await applyD1Migrations(db, OLD);
    await copy("actors");
    await copy("api_keys");
    await copy("sections");
    await copy("articles", `id IN (${idList})`);
    await copy("section_listing", `article_id IN (${idList})`);
    await copy("revisions", `article_id IN (${idList})`);
    await copy("legacy_paths", `article_id IN (${idList})`);
    await copy("legacy_articles", `article_id IN (${idList})`);
    await copy("audit_log", `article_id IN (${idList})`);
    const oldArticleColumns = await columnsOf(db, "articles");
    const read = async () => ({
      articles: await all(db, `SELECT ${oldArticleColumns.join(", ")} FROM articles WHERE id IN (${idList}) ORDER BY id`),
      listings: await all(db, `SELECT * FROM section_listing WHERE article_id IN (${idList}) ORDER BY section_id, position`),
      revisions: await all(db, `SELECT article_id, version, action, snapshot, actor, created_at FROM revisions WHERE article_id IN (${idList}) ORDER BY article_id, version`),
      legacy: await all(db, `SELECT * FROM legacy_paths WHERE article_id IN (${idList}) ORDER BY path`),
    });
    const before = await read();
    expect(before.articles.map((a) => a.status)).toEqual(["published", "scheduled", "draft", "archived", "draft", "published"]);
    expect(before.listings.length).toBeGreaterThan(0);
    const indexesBefore = (await all(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL")).map((r) => r.name);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    expect(await read()).toEqual(before);
    const indexesAfter = (await all(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL")).map((r) => r.name);
    expect(indexesAfter).toEqual(expect.arrayContaining([...indexesBefore, "articles_by_creator_updated"]));
    expect(await all(db, "PRAGMA foreign_key_check")).toEqual([]);
    for (const child of ["section_listing", "revisions", "legacy_paths", "legacy_articles"]) {
      expect((await all(db, `SELECT "table" FROM pragma_foreign_key_list(?)`, [child])).map((r) => r.table)).toContain("articles");
    }
    // Who made each earlier revision, from the audit entry written with it: the editor's key, or a tool (none).
    const actors = await all(db, `SELECT actor_id FROM revisions WHERE article_id IN (${published.id}, ${archived.id}) ORDER BY article_id, version`);
    expect(actors.map((r) => r.actor_id)).toEqual([null, null, key.key.id, null, null, key.key.id]);
    // Foreign keys are enforced on the new table, and the new status is allowed.
    await expect(db.prepare("INSERT INTO section_listing (section_id, published_at, article_id, position) VALUES (1, 1, 4294967000, 1)").run()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.prepare("UPDATE articles SET status = 'pending' WHERE id = ?").bind(draft.id).run()).rejects.toThrow(/CHECK/);

    // The write path on the migrated database: a draft goes to review, a new article is made.
    const submitted = await changeArticle(db, draft.id, { kind: "submit", note: "迁移后" }, { actor: editor, now: Date.now() });
    expect(submitted.article).toMatchObject({ status: "submitted", review: { action: "submit", note: "迁移后" } });
    const fresh = await createArticle(db, { section, title: "迁移后新建" }, { actor: editor, now: Date.now() });
    expect(fresh.kind).toBe("created");
  });
});
