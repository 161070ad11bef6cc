// The hardened write path: permission and commit on one load, a bounded number of round trips, bounded
// bodies, references that exist, If-Match as RFC 9110 says, and validated revisions.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { insertMedia } from "../src/db/media.ts";
import { afterFirstArticleRead } from "./interleave.ts";
import { settledFetch } from "./settle.ts";
import { type ErrorJson, makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { call as front, makeSlot, makeTopic, uniqueName } from "./curation-fixture.ts";

const BASE = "http://localhost/api/v1/admin/articles";

type Json = Record<string, unknown> & Partial<ErrorJson>;

async function call(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...key.headers, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  const res = await settledFetch(`${BASE}${path}`, init);
  const json = (res.headers.get("Content-Type") ?? "").includes("json") ? ((await res.json()) as Json) : ({} as Json);
  return { res, json };
}

const newSection = async () => {
  const path = `${uniqueSlug("wp")}/${uniqueSlug("sub")}`;
  await makeSection(path);
  return path;
};

async function draftBy(key: TestKey, extra: Record<string, unknown> = {}) {
  const { res, json } = await call(key, "POST", "", { section: await newSection(), title: "原稿", ...extra });
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json as Json & { id: number; version: number };
}

const stored = async (id: number) =>
  (await env.DB.prepare("SELECT title, status, version, deleted_at FROM articles WHERE id = ?").bind(id).first<{
    title: string;
    status: string;
    version: number;
    deleted_at: number | null;
  }>())!;

const roundTrips = (res: Response) => Number(/round_trips=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1] ?? NaN);

/** A request to the Worker whose D1 lands `meanwhile` right after the request first reads the article. */
async function racedBy(meanwhile: () => Promise<unknown>, key: TestKey, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const ctx = createExecutionContext();
  const request = new Request(`${BASE}${path}`, {
    method,
    headers: { ...key.headers, ...headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const res = await worker.fetch(request, { ...env, DB: afterFirstArticleRead(env.DB, meanwhile) }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("permission and commit see the same version", () => {
  it.each([
    ["an edit", "PATCH", "", { title: "作者的改动" }],
    ["a move to the trash", "DELETE", "", undefined],
    ["a revision restore", "POST", "/revisions/1/restore", undefined],
  ])("refuses an author's %s when an editor publishes the draft between the author's reads", async (_, method, suffix, body) => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author);
    // The author saw version 1 (a draft, theirs to change) and names the version the editor is about to make.
    const publish = () => call(editor, "POST", `/${draft.id}/publish`);
    const res = await racedBy(publish, author, method, `/${draft.id}${suffix}`, { "If-Match": '"2"' }, body);
    expect([403, 412]).toContain(res.status);
    expect(await stored(draft.id)).toEqual({ title: "原稿", status: "published", version: 2, deleted_at: null });
  });

  it("decides again on the new version when a change without If-Match loses a race, and then refuses", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const draft = await draftBy(author);
    const res = await racedBy(() => call(editor, "POST", `/${draft.id}/publish`), author, "DELETE", `/${draft.id}`);
    expect(res.status).toBe(403);
    expect(await stored(draft.id)).toMatchObject({ status: "published", deleted_at: null });
  });

  it("never lets an author's edit, trash or restore land on an article an editor is publishing", async () => {
    for (let round = 0; round < 3; round++) {
      const author = await makeKey("author");
      const editor = await makeKey("editor");
      const draft = await draftBy(author);
      const racing = [
        ...Array.from({ length: 14 }, () => call(author, "PATCH", `/${draft.id}`, { title: "作者的改动" }, { "If-Match": '"2"' })),
        ...Array.from({ length: 13 }, () => call(author, "DELETE", `/${draft.id}`, undefined, { "If-Match": '"2"' })),
        ...Array.from({ length: 13 }, () => call(author, "POST", `/${draft.id}/revisions/1/restore`, undefined, { "If-Match": '"2"' })),
      ];
      const [published, ...attempts] = await Promise.all([call(editor, "POST", `/${draft.id}/publish`), ...racing]);
      expect(published.res.status).toBe(200);
      // Each author request saw either the draft at version 1 (If-Match "2" fails: 412) or the published
      // version 2 (not theirs to change: 403). None may commit.
      for (const a of attempts) expect([403, 412]).toContain(a.res.status);
      expect(await stored(draft.id)).toEqual({ title: "原稿", status: "published", version: 2, deleted_at: null });
    }
  });

  it("answers 403 to an author on an editor's article and on their own published one", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    const theirs = await draftBy(editor);
    expect((await call(author, "PATCH", `/${theirs.id}`, { title: "x" }, { "If-Match": '"1"' })).res.status).toBe(403);
    const mine = await draftBy(author);
    await call(editor, "POST", `/${mine.id}/publish`);
    const refused = await call(author, "DELETE", `/${mine.id}`);
    expect(refused.res.status).toBe(403);
    expect(refused.json.error?.code).toBe("forbidden");
  });
});

describe("every admin write is at most three D1 round trips: the key, one load, one commit", () => {
  it.each([
    ["create", async (k: TestKey) => call(k, "POST", "", { section: await newSection(), title: "新稿", body: "正文" })],
    ["create and publish", async (k: TestKey) => call(k, "POST", "", { section: await newSection(), title: "新稿", status: "published" })],
    ["create with an Idempotency-Key", async (k: TestKey) =>
      call(k, "POST", "", { section: await newSection(), title: "新稿" }, { "Idempotency-Key": crypto.randomUUID() })],
    ["edit", async (k: TestKey) => call(k, "PATCH", `/${(await draftBy(k)).id}`, { title: "改", body: "新正文" }, { "If-Match": '"1"' })],
    ["move to another section", async (k: TestKey) =>
      call(k, "PATCH", `/${(await draftBy(k)).id}`, { section: await newSection() }, { "If-Match": '"1"' })],
    ["publish", async (k: TestKey) => call(k, "POST", `/${(await draftBy(k)).id}/publish`)],
    ["unpublish", async (k: TestKey) => call(k, "POST", `/${(await draftBy(k, { status: "published" })).id}/unpublish`)],
    ["archive", async (k: TestKey) => call(k, "POST", `/${(await draftBy(k, { status: "published" })).id}/archive`)],
    ["trash", async (k: TestKey) => call(k, "DELETE", `/${(await draftBy(k, { status: "published" })).id}`)],
    ["restore from the trash", async (k: TestKey) => {
      const d = await draftBy(k);
      await call(k, "DELETE", `/${d.id}`);
      return call(k, "POST", `/${d.id}/restore`);
    }],
    ["restore a revision", async (k: TestKey) => {
      const d = await draftBy(k);
      await call(k, "PATCH", `/${d.id}`, { title: "第二版" }, { "If-Match": '"1"' });
      return call(k, "POST", `/${d.id}/revisions/1/restore`);
    }],
  ])("%s", async (_, write) => {
    const editor = await makeKey("editor");
    const { res, json } = await write(editor);
    expect(res.status, JSON.stringify(json)).toBeLessThan(300);
    expect(roundTrips(res)).toBeLessThanOrEqual(3);
  });

  it("every change to a slot or a topic too", async () => {
    const admin = await makeKey("admin");
    const published = await draftBy(admin, { status: "published" });
    const slug = uniqueName("wp");
    const writes: [string, string, unknown?, Record<string, string>?][] = [
      ["POST", "/slots", { slug, name: "位", capacity: 2 }],
      ["POST", `/slots/${slug}/items`, { article_id: published.id }],
      ["PUT", `/slots/${slug}/items`, { items: [{ article_id: published.id, title: "改" }] }, { "If-Match": "*" }],
      ["PATCH", `/slots/${slug}`, { name: "改名" }, { "If-Match": "*" }],
      ["DELETE", `/slots/${slug}/items/${published.id}`],
      ["POST", "/topics", { slug, title: "专题", intro: "导语", groups: [{ name: "甲" }] }],
      ["PUT", `/topics/${slug}/articles/${published.id}`],
      ["DELETE", `/topics/${slug}/articles/${published.id}`],
      ["PATCH", `/topics/${slug}`, { title: "改", groups: [{ name: "乙" }] }, { "If-Match": "*" }],
      ["DELETE", `/topics/${slug}`, undefined, { "If-Match": "*" }],
      ["DELETE", `/slots/${slug}`, undefined, { "If-Match": "*" }],
    ];
    for (const [method, path, body, headers] of writes) {
      const { res, json } = await front(admin, method, path, body, headers);
      expect(res.status, `${method} ${path} ${JSON.stringify(json)}`).toBeLessThan(300);
      expect(roundTrips(res), `${method} ${path}`).toBeLessThanOrEqual(3);
    }
  });

  it.each([
    ["unpublish", "POST", "/unpublish"],
    ["an edit", "PATCH", ""],
  ])("%s of an article in slots and topics, which the same commit leaves, renumbers and names", async (_, method, suffix) => {
    const admin = await makeKey("admin");
    const published = await draftBy(admin, { status: "published" });
    const slot = await makeSlot(admin, uniqueName("wp"));
    const topic = await makeTopic(admin, uniqueName("wp"));
    expect((await front(admin, "POST", `/slots/${slot.slug}/items`, { article_id: published.id })).status).toBe(200);
    expect((await front(admin, "PUT", `/topics/${topic.slug}/articles/${published.id}`)).status).toBe(200);
    const { res, json } = await call(admin, method, `/${published.id}${suffix}`, method === "PATCH" ? { title: "改" } : undefined, { "If-Match": "*" });
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(roundTrips(res)).toBeLessThanOrEqual(3);
    expect((json.purge as { tags: string[] }).tags).toEqual(expect.arrayContaining([`s:${slot.slug}`, `t:${topic.slug}`]));
  });
});

describe("bodies are bounded in what they render and store", () => {
  it("refuses a short body of reference links that renders to megabytes of HTML, and stores nothing", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    const url = `https://example.com/${"x".repeat(200)}`;
    const body = `${"[a][r]".repeat(31_000)}\n\n[r]: ${url}`;
    expect(body.length).toBeLessThan(200_000);
    const { res, json } = await call(editor, "PATCH", `/${draft.id}`, { body }, { "If-Match": '"1"' });
    expect(res.status).toBe(422);
    expect(json.error?.code).toBe("body_too_large");
    expect(json.error?.message).toMatch(/at most 1,000,000 can be stored/);
    expect(await stored(draft.id)).toMatchObject({ version: 1, title: "原稿" });
  });

  it("refuses a body whose Markdown, HTML and text together would not fit in a row", async () => {
    const editor = await makeKey("editor");
    // 190,000 emoji: 190,000 characters (within the limit, counted as readers count them) but 760 KB of
    // UTF-8, which the HTML and the text repeat.
    const { res, json } = await call(editor, "POST", "", { section: await newSection(), title: "表情", body: "😀".repeat(190_000) });
    expect(res.status).toBe(422);
    expect(json.error?.code).toBe("body_too_large");
    expect(json.error?.message).toMatch(/at most 1,800,000 fit in one article/);
  });
});

describe("what an Idempotency-Key keeps fits in D1 too", () => {
  it("bounds a body by its JSON-escaped size, as the stored answer and the revision keep it", async () => {
    const editor = await makeKey("editor");
    // 900 links to one reference whose title is 1,000 backslashes: 8 KB of Markdown, 0.93 MB of HTML as the
    // row stores it — but 1.86 MB once JSON-escaped, as the stored first answer (and the revision) hold it.
    const body = `${"[a][r]".repeat(900)}\n\n[r]: /u "${"\\".repeat(2000)}"`;
    const { res, json } = await call(editor, "POST", "", { section: await newSection(), title: "反斜杠", body }, { "Idempotency-Key": crypto.randomUUID() });
    expect(res.status).toBe(422);
    expect(json.error?.code).toBe("body_too_large");
  });
});

describe("references must exist", () => {
  const neverUploaded = () => `${crypto.randomUUID().replaceAll("-", "").padEnd(64, "0")}.jpg`;

  it("refuses a cover image that was never uploaded, on create and on edit", async () => {
    const editor = await makeKey("editor");
    const key = neverUploaded();
    const created = await call(editor, "POST", "", { section: await newSection(), title: "无图", cover_image: key });
    expect(created.res.status).toBe(422);
    expect(created.json.error).toMatchObject({ code: "unknown_image", details: [{ path: "cover_image" }] });
    const draft = await draftBy(editor);
    const edited = await call(editor, "PATCH", `/${draft.id}`, { cover_image: key }, { "If-Match": '"1"' });
    expect(edited.res.status).toBe(422);
    expect(await stored(draft.id)).toMatchObject({ version: 1 });
  });

  it("refuses a body showing an image that was never uploaded, and accepts one that was", async () => {
    const editor = await makeKey("editor");
    const missing = neverUploaded();
    const refused = await call(editor, "POST", "", { section: await newSection(), title: "图", body: `![图](/media/${missing})` });
    expect(refused.res.status).toBe(422);
    expect(refused.json.error?.details?.[0]).toEqual({ path: "body", message: `no uploaded image /media/${missing}` });
    const uploaded = neverUploaded();
    await insertMedia(env.DB, { key: uploaded, contentType: "image/jpeg", bytes: 1, width: 4, height: 3, alt: "", caption: "", credit: "", createdBy: null }, {
      actor: { id: null, name: "test" },
      action: "image.upload",
    });
    const ok = await call(editor, "POST", "", { section: await newSection(), title: "图", body: `![图](/media/${uploaded})`, cover_image: uploaded });
    expect(ok.res.status).toBe(201);
  });
});

describe("If-Match as RFC 9110 §13.1.1 says", () => {
  it("matches any current version with *, never with a weak tag, and when any member of a list matches", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "星号" }, { "If-Match": "*" })).res.status).toBe(200);
    const weak = await call(editor, "PATCH", `/${draft.id}`, { title: "弱" }, { "If-Match": 'W/"2"' });
    expect(weak.res.status).toBe(412);
    expect(weak.res.headers.get("ETag")).toBe('"2"');
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "列表" }, { "If-Match": '"1", "2", "7"' })).res.status).toBe(200);
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "外来" }, { "If-Match": '"abc"' })).res.status).toBe(412);
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "坏" }, { "If-Match": "3" })).res.status).toBe(400);
    expect((await stored(draft.id)).title).toBe("列表");
  });

  it("decides a lost race anew: a list naming the new version still matches it", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    const every = Array.from({ length: 30 }, (_, i) => `"${i + 1}"`).join(", ");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(editor, "PATCH", `/${draft.id}`, { title: `并发${i}` }, { "If-Match": every })),
    );
    for (const a of answers) expect([200, 409]).toContain(a.res.status);
  });

  it("refuses a list without commas or a tag with a space, and honours If-None-Match", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "x" }, { "If-Match": '"1" "2"' })).res.status).toBe(400);
    expect((await call(editor, "PATCH", `/${draft.id}`, { title: "x" }, { "If-Match": '"a b"' })).res.status).toBe(400);
    const exists = await call(editor, "PATCH", `/${draft.id}`, { title: "x" }, { "If-Match": '"1"', "If-None-Match": "*" });
    expect(exists.res.status).toBe(412);
    const named = await call(editor, "POST", `/${draft.id}/publish`, undefined, { "If-None-Match": 'W/"1"' });
    expect(named.res.status).toBe(412);
    const read = await call(editor, "GET", `/${draft.id}`, undefined, { "If-None-Match": 'W/"1"' });
    expect(read.res.status).toBe(304);
    expect(read.res.headers.get("ETag")).toBe('"1"');
    expect(await stored(draft.id)).toMatchObject({ version: 1 });
  });

  it("never answers 412 to concurrent publishes and unpublishes that sent no If-Match", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(editor, "POST", `/${draft.id}/${i % 2 ? "unpublish" : "publish"}`)),
    );
    for (const a of answers) expect([200, 409]).toContain(a.res.status);
    expect(answers.some((a) => a.res.status === 200)).toBe(true);
  });
});

describe("text that shows nothing is empty, and lengths count characters", () => {
  it.each([
    ["zero-width spaces", "\u200b\u200b\u200b"],
    ["a Hangul filler", "\u3164"],
    ["soft hyphens and a combining grapheme joiner", "\u00ad\u034f"],
    ["word joiners and invisible operators", "\u2060\u2061\u2062\u2063\u2064"],
    ["tag characters", "\u{e0041}\u{e0042}"],
    ["bidi marks and spaces", "\u200e \u200f\u3000"],
    ["a braille blank", "\u2800"],
  ])("refuses a title of %s", async (_, title) => {
    const editor = await makeKey("editor");
    const { res, json } = await call(editor, "POST", "", { section: await newSection(), title });
    expect(res.status).toBe(400);
    expect(json.error?.details).toContainEqual({ path: "title", message: "must not be empty", rule: "not_empty" });
  });

  it("refuses invisible bylines and trims invisible ends from a title", async () => {
    const editor = await makeKey("editor");
    const refused = await call(editor, "POST", "", { section: await newSection(), title: "稿", bylines: [{ name: "\u200b", role: "记者" }] });
    expect(refused.json.error?.details?.[0]?.path).toBe("bylines.0.name");
    const trimmed = await call(editor, "POST", "", { section: await newSection(), title: "\u200b标题\ufeff " });
    expect(trimmed.json.title).toBe("标题");
  });

  it("wants seconds and a real offset in a time", async () => {
    const editor = await makeKey("editor");
    for (const publish_at of ["2026-12-01T00:00Z", "2026-12-01T08:00:00+08:60", "2026-12-01T08:00:00+24:00"]) {
      const { res, json } = await call(editor, "POST", "", { section: await newSection(), title: "定时", publish_at });
      expect(res.status, publish_at).toBe(400);
      expect(json.error?.details?.[0]?.path).toBe("publish_at");
    }
  });

  it("counts 200 emoji as 200 characters", async () => {
    const editor = await makeKey("editor");
    expect((await call(editor, "POST", "", { section: await newSection(), title: "😀".repeat(200) })).res.status).toBe(201);
    const over = await call(editor, "POST", "", { section: await newSection(), title: "😀".repeat(201) });
    expect(over.json.error?.details).toContainEqual({ path: "title", message: "must be at most 200 characters", rule: "max_characters", limit: 200 });
  });
});

describe("revisions are validated before they are restored", () => {
  it("answers 409 for a damaged snapshot and for one that breaks today's rules, and changes nothing", async () => {
    const editor = await makeKey("editor");
    const draft = await draftBy(editor);
    await call(editor, "PATCH", `/${draft.id}`, { title: "第二版" }, { "If-Match": '"1"' });
    await env.DB.prepare("UPDATE revisions SET snapshot = '{\"title\": 1' WHERE article_id = ? AND version = 1").bind(draft.id).run();
    const damaged = await call(editor, "POST", `/${draft.id}/revisions/1/restore`);
    expect(damaged.res.status).toBe(409);
    expect(damaged.json.error?.code).toBe("revision_unreadable");

    const good = (await env.DB.prepare("SELECT snapshot FROM revisions WHERE article_id = ? AND version = 2").bind(draft.id).first<{ snapshot: string }>())!;
    const broken = { ...JSON.parse(good.snapshot), title: "长".repeat(300) };
    await env.DB.prepare("UPDATE revisions SET snapshot = ? WHERE article_id = ? AND version = 1").bind(JSON.stringify(broken), draft.id).run();
    const invalid = await call(editor, "POST", `/${draft.id}/revisions/1/restore`);
    expect(invalid.res.status).toBe(409);
    expect(invalid.json.error?.details).toContainEqual({ path: "title", message: "must be at most 200 characters", rule: "max_characters", limit: 200 });
    expect(await stored(draft.id)).toMatchObject({ title: "第二版", version: 2 });
  });
});
