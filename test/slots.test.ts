// Slots (推荐位) through the admin API: order, capacity, who may do what, If-Match, published articles only,
// pictures where a slot needs them, expiry by time (with the cron), and leaving on unpublish, archive or trash.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { listAudit } from "../src/db/audit.ts";
import { makeArticle, makeImage, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type SlotJson, call, makeSlot, uniqueName } from "./curation-fixture.ts";
import { admin as articles } from "./admin-fixture.ts";
import { png } from "./fixtures/images.ts";

const published = async (n: number, extra: Record<string, unknown> = {}) => {
  const section = uniqueSlug("slot");
  const out = [];
  for (let i = 0; i < n; i++) out.push(await makeArticle({ section, title: `推荐稿${i + 1}`, ...extra }));
  return out;
};

const ids = (slot: SlotJson) => slot.items.map((i) => i.article_id);

async function setup(capacity = 3) {
  const admin = await makeKey("admin");
  const editor = await makeKey("editor");
  const slot = await makeSlot(admin, uniqueName("s"), { capacity });
  return { admin, editor, slot, slug: slot.slug };
}

describe("the slots a fresh site has", () => {
  it("头条, 幻灯 and 推荐, in that order, 幻灯 needing pictures", async () => {
    const editor = await makeKey("editor");
    const { status, json } = await call(editor, "GET", "/slots");
    expect(status).toBe(200);
    const slots = (json.items as SlotJson[]).filter((s) => ["toutiao", "huandeng", "tuijian"].includes(s.slug));
    expect(slots.map((s) => [s.slug, s.name, s.capacity, s.needs_picture])).toEqual([
      ["toutiao", "头条", 2, false],
      ["huandeng", "幻灯", 5, true],
      ["tuijian", "推荐", 8, false],
    ]);
  });
});

describe("who may change slots", () => {
  it("admins make, reshape and delete slots; editors only fill them; authors neither", async () => {
    const { admin, editor, slug } = await setup();
    const author = await makeKey("author");
    expect((await call(editor, "POST", "/slots", { slug: uniqueName("s"), name: "x", capacity: 2 })).status).toBe(403);
    expect((await call(editor, "PATCH", `/slots/${slug}`, { name: "改名" }, { "If-Match": '"1"' })).json.error?.code).toBe("forbidden");
    expect((await call(author, "GET", "/slots")).status).toBe(403);
    const [a] = await published(1);
    expect((await call(editor, "POST", `/slots/${slug}/items`, { article_id: a!.id })).status).toBe(200);
    expect((await call(author, "POST", `/slots/${slug}/items`, { article_id: a!.id })).status).toBe(403);
    const renamed = await call(admin, "PATCH", `/slots/${slug}`, { name: "改名" }, { "If-Match": '"2"' });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json).toMatchObject({ name: "改名", version: 3 });
    expect((await call(admin, "POST", "/slots", { slug, name: "重名", capacity: 1 })).json.error?.code).toBe("slug_taken");
    expect((await call(admin, "DELETE", `/slots/${slug}`, undefined, { "If-Match": '"3"' })).status).toBe(204);
    expect((await call(editor, "GET", `/slots/${slug}`)).status).toBe(404);
  });
});

describe("order and capacity", () => {
  it("keeps the order sent, refuses more than the capacity, and needs If-Match to overwrite", async () => {
    const { editor, slug } = await setup(3);
    const [a, b, c, d] = await published(4);
    const put = (items: number[], version: string) => call(editor, "PUT", `/slots/${slug}/items`, { items: items.map((article_id) => ({ article_id })) }, { "If-Match": version });
    expect((await call(editor, "PUT", `/slots/${slug}/items`, { items: [] })).status).toBe(428);
    const first = await put([c!.id, a!.id, b!.id], '"1"');
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(ids(first.json as SlotJson)).toEqual([c!.id, a!.id, b!.id]);
    expect(first.res.headers.get("ETag")).toBe('"2"');
    expect((await put([b!.id, a!.id], '"1"')).status).toBe(412);
    const over = await put([a!.id, b!.id, c!.id, d!.id], '"2"');
    expect([over.status, over.json.error?.code]).toEqual([422, "over_capacity"]);
    const twice = await put([a!.id, a!.id], '"2"');
    expect([twice.status, twice.json.error?.details?.[0]?.path]).toEqual([422, "items.1.article_id"]);
    const again = await call(editor, "GET", `/slots/${slug}`);
    expect(ids(again.json as SlotJson)).toEqual([c!.id, a!.id, b!.id]);
  });

  it("adds at the top by default, moves an article already in, and pushes the last out of a full slot", async () => {
    const { editor, slug } = await setup(3);
    const [a, b, c, d] = await published(4);
    for (const x of [a, b, c]) await call(editor, "POST", `/slots/${slug}/items`, { article_id: x!.id });
    const full = await call(editor, "GET", `/slots/${slug}`);
    expect(ids(full.json as SlotJson)).toEqual([c!.id, b!.id, a!.id]);
    const pushed = await call(editor, "POST", `/slots/${slug}/items`, { article_id: d!.id, position: 2 });
    expect(ids(pushed.json as SlotJson)).toEqual([c!.id, d!.id, b!.id]);
    expect((pushed.json as SlotJson).dropped).toEqual([a!.id]);
    const moved = await call(editor, "POST", `/slots/${slug}/items`, { article_id: b!.id, title: "改过的标题" });
    expect(ids(moved.json as SlotJson)).toEqual([b!.id, c!.id, d!.id]);
    expect((moved.json as SlotJson).items[0]).toMatchObject({ title: "改过的标题" });
    const removed = await call(editor, "DELETE", `/slots/${slug}/items/${c!.id}`);
    expect(ids(removed.json as SlotJson)).toEqual([b!.id, d!.id]);
    expect((await call(editor, "DELETE", `/slots/${slug}/items/${c!.id}`)).status).toBe(404);
  });

  it("refuses a capacity below what the slot holds", async () => {
    const { admin, editor, slug } = await setup(3);
    const [a, b] = await published(2);
    for (const x of [a, b]) await call(editor, "POST", `/slots/${slug}/items`, { article_id: x!.id });
    const lower = await call(admin, "PATCH", `/slots/${slug}`, { capacity: 1 }, { "If-Match": "*" });
    expect([lower.status, lower.json.error?.code]).toEqual([409, "conflict"]);
  });
});

describe("what a slot may hold", () => {
  it("only published articles that exist, and images that were uploaded", async () => {
    const { editor, slug } = await setup();
    const draft = await makeArticle({ section: uniqueSlug("slot"), status: "draft" });
    const add = (body: Record<string, unknown>) => call(editor, "POST", `/slots/${slug}/items`, body);
    expect((await add({ article_id: draft.id })).json.error?.code).toBe("not_published");
    expect((await add({ article_id: 4_000_000_000 })).json.error?.code).toBe("unknown_article");
    const [a] = await published(1);
    const image = await add({ article_id: a!.id, image: `${"0".repeat(64)}.png` });
    expect([image.status, image.json.error?.code, image.json.error?.details?.[0]?.path]).toEqual([422, "unknown_image", ".image"]);
    expect((await add({ article_id: a!.id, expires_at: "2020-01-01T00:00:00+08:00" })).json.error?.code).toBe("invalid");
  });

  it("a picture for every item of a slot that needs them: the article's cover, or one given", async () => {
    const admin = await makeKey("admin");
    const slug = (await makeSlot(admin, uniqueName("f"), { needs_picture: true })).slug;
    const cover = await makeImage(png(), { alt: "江景" });
    const [bare] = await published(1);
    const [covered] = await published(1, { cover_image: cover.key });
    const add = (body: Record<string, unknown>) => call(admin, "POST", `/slots/${slug}/items`, body);
    expect((await add({ article_id: bare!.id })).json.error?.code).toBe("needs_picture");
    expect((await add({ article_id: bare!.id, image: cover.key })).status).toBe(200);
    expect((await add({ article_id: covered!.id })).status).toBe(200);
  });
});

describe("an article leaving the site leaves every slot, in the same batch", () => {
  it.each([["unpublish", "POST", "/unpublish"], ["archive", "POST", "/archive"], ["trash", "DELETE", ""]])("on %s", async (action, method, suffix) => {
    const { admin, editor, slug } = await setup();
    const other = (await makeSlot(admin, uniqueName("o"))).slug;
    const [a, b] = await published(2);
    await call(editor, "POST", `/slots/${slug}/items`, { article_id: b!.id });
    for (const s of [slug, other]) await call(editor, "POST", `/slots/${s}/items`, { article_id: a!.id });
    const before = (await call(editor, "GET", `/slots/${slug}`)).json as SlotJson;
    const change = await articles(editor, method, `/${a!.id}${suffix}`);
    expect(change.purge?.tags).toEqual(expect.arrayContaining([`s:${slug}`, `s:${other}`]));
    const after = (await call(editor, "GET", `/slots/${slug}`)).json as SlotJson;
    expect(ids(after)).toEqual([b!.id]);
    expect(after.version).toBe(before.version + 1);
    expect(ids((await call(editor, "GET", `/slots/${other}`)).json as SlotJson)).toEqual([]);
    const audit = await listAudit(env.DB, { articleId: a!.id, action: "slot.leave", limit: 10 });
    expect(audit.map((e) => e.detail.slot).sort()).toEqual([slug, other].sort());
    expect(audit[0]?.detail.because).toBe(action);
    // Published again, it is not put back: editors choose what the front page shows.
    if (action === "trash") await articles(editor, "POST", `/${a!.id}/restore`);
    await articles(editor, "POST", `/${a!.id}/publish`);
    expect(ids((await call(editor, "GET", `/slots/${slug}`)).json as SlotJson)).toEqual([b!.id]);
  });

  it("an edit of an article in a slot purges the slot too", async () => {
    const { editor, slug } = await setup();
    const [a] = await published(1);
    await call(editor, "POST", `/slots/${slug}/items`, { article_id: a!.id });
    const edit = await articles(editor, "PATCH", `/${a!.id}`, { title: "新标题" });
    expect(edit.purge?.tags).toContain(`s:${slug}`);
  });
});

describe("expiry", () => {
  it("an item leaves by itself at its time: the cron takes it out and purges the slot", async () => {
    const { editor, slug } = await setup();
    const [a, b] = await published(2);
    const soon = Date.now() + 60 * 60_000;
    const expires = new Date(soon).toISOString().replace(/\.\d+Z$/, "Z");
    await call(editor, "POST", `/slots/${slug}/items`, { article_id: a!.id, expires_at: expires });
    await call(editor, "POST", `/slots/${slug}/items`, { article_id: b!.id });
    const before = (await call(editor, "GET", `/slots/${slug}`)).json as SlotJson;
    expect(before.items[1]?.expires_at).not.toBeNull();
    const run = async (at: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    await run(soon - 1000);
    expect(ids((await call(editor, "GET", `/slots/${slug}`)).json as SlotJson)).toEqual([b!.id, a!.id]);
    await run(soon);
    const after = (await call(editor, "GET", `/slots/${slug}`)).json as SlotJson;
    expect(ids(after)).toEqual([b!.id]);
    expect(after.version).toBe(before.version + 1);
    const audit = await listAudit(env.DB, { articleId: a!.id, action: "slot.expire", limit: 1 });
    expect(audit[0]?.detail.slot).toBe(slug);
  });
});
